package org.custos.verify.chain;

import org.custos.verify.ReasonCode;

/**
 * JSON-RPC block data that cannot be verified safely: an unknown or missing header field, an impossible field
 * combination, a malformed value, or an unsupported transaction type. Carries the stable reason code so a
 * verifier can report it. Such data is never hashed.
 */
public final class RpcFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final ReasonCode reason;
    private final String field;

    public RpcFormatException(ReasonCode reason, String field, String message) {
        super(reason + " (" + field + "): " + message);
        this.reason = reason;
        this.field = field;
    }

    public ReasonCode reason() {
        return reason;
    }

    /** The JSON field name concerned. */
    public String field() {
        return field;
    }
}
