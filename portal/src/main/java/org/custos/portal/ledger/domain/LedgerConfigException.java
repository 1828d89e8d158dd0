package org.custos.portal.ledger.domain;

/** The ledger configuration is wrong; the message names the setting, the value's problem and the expected form. */
public class LedgerConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerConfigException(String message) {
        super(message);
    }
}
