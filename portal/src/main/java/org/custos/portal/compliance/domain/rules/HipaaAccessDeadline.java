package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * HIPAA-ACC-01: 45 CFR 164.524(b)(2), 30 days, one extension of 30 with notice inside the first 30. For clinics
 * that declare themselves covered entities (45 CFR 160.102), on every access request, whatever regime it declares.
 */
public final class HipaaAccessDeadline extends RequestDeadlineRule {

    public HipaaAccessDeadline() {
        super("HIPAA-ACC-01", "45 CFR 164.524(b)(2)", Severity.S2, EventVocabulary.Regime.HIPAA,
                EventVocabulary.RequestType.ACCESS,
                RequestClock.HIPAA_ACCESS);
    }
}
