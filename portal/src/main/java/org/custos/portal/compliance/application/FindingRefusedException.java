package org.custos.portal.compliance.application;

import jakarta.ejb.ApplicationException;

/**
 * A status change or response the portal refuses (a no-op, a missing reason, a finding the caller may not see, text
 * over its limit), with the reason in words for the user. Nothing was stored and nothing is on the trail (the
 * transaction rolls back); an expected outcome, not logged as an error.
 */
@ApplicationException(rollback = true)
public class FindingRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FindingRefusedException(String message) {
        super(message);
    }
}
