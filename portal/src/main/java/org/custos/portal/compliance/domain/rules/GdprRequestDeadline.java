package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;

/** GDPR-DSR-01: Art 12(3), one calendar month from receipt, extension by two more with notice inside month one. */
public final class GdprRequestDeadline extends RequestDeadlineRule {

    public GdprRequestDeadline() {
        super("GDPR-DSR-01", "GDPR Art 12(3)", Severity.S2, 0, -1,
                r -> Deadlines.plusMonths(r, 1), r -> Deadlines.plusMonths(r, 3));
    }
}
