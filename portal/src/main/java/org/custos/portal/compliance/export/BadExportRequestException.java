package org.custos.portal.compliance.export;

/** A request for an export with a missing, repeated, unknown or malformed parameter; the message says which. */
public class BadExportRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadExportRequestException(String message) {
        super(message);
    }
}
