package org.custos.portal.reports.application;

import jakarta.ejb.ApplicationException;

/** A report that cannot be issued, with the reason in words for the user; nothing was stored. */
@ApplicationException(rollback = true)
public class ReportRefusedException extends Exception {

    public ReportRefusedException(String message) {
        super(message);
    }
}
