package org.custos.portal.ledger.infrastructure;

/** A JSON-RPC method outside the read allowlist was about to be sent; it was not. */
public class RefusedMethodException extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final String method;

    public RefusedMethodException(String method) {
        super("refused JSON-RPC method " + method + ": the portal only reads the ledger (allowed: "
                + String.join(", ", new java.util.TreeSet<>(ReadOnlyHttpService.READ_METHODS)) + ")");
        this.method = method;
    }

    public String method() {
        return method;
    }
}
