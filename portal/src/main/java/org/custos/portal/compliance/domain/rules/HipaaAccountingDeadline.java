package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * HIPAA-AOD-02: 45 CFR 164.528(c), 60 days, one extension of 30 with notice inside the first 60. For clinics that
 * declare themselves covered entities (45 CFR 160.102), on every accounting request, whatever regime it declares.
 */
public final class HipaaAccountingDeadline extends RequestDeadlineRule {

    public HipaaAccountingDeadline() {
        super("HIPAA-AOD-02", "45 CFR 164.528(c)", Severity.S2, EventVocabulary.Regime.HIPAA,
                EventVocabulary.RequestType.ACCOUNTING,
                RequestClock.HIPAA_ACCOUNTING);
    }
}
