package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-DSR-01: Art 12(3), one calendar month from receipt, extension by two more with notice inside month one. For
 * clinics established in the Union (Art 3(1)), on every request they receive, whatever regime it declares.
 */
public final class GdprRequestDeadline extends RequestDeadlineRule {

    public GdprRequestDeadline() {
        super("GDPR-DSR-01", "GDPR Art 12(3)", Severity.S2, EventVocabulary.Regime.GDPR, -1,
                RequestClock.GDPR);
    }
}
