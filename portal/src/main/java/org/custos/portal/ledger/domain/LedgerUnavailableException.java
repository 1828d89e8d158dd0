package org.custos.portal.ledger.domain;

/** A node did not answer (connection refused, timeout, HTTP or JSON-RPC error) after the configured retries. */
public class LedgerUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String endpoint;

    public LedgerUnavailableException(String endpoint, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
