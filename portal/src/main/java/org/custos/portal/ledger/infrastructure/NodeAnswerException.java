package org.custos.portal.ledger.infrastructure;

import java.io.IOException;

/**
 * A node's HTTP answer was refused before any of it reached the verifier: an HTTP error status, an answer over the
 * size limit or a JSON limit, a malformed HTTP answer, a TLS certificate the trust store does not accept. The message
 * is the reason shown on the ledger page; it never contains the request's credentials. Answers that would come out
 * the same on a second try (refused credentials, an untrusted certificate, an answer too large) are not retried.
 */
public class NodeAnswerException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public NodeAnswerException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public NodeAnswerException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether asking again could give another answer. */
    public boolean retryable() {
        return retryable;
    }
}
