package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * UK-DSR-01: UK GDPR Art 12A, one month from the latest of receipt, ID verification and fee, plus paused time,
 * +2 months for complexity. The consortium anchors only receipt, extension and answer (no IdVerified or
 * clarification events), so the clock runs from receipt without pauses: the strictest reading. For clinics
 * established in the United Kingdom (UK GDPR Art 3(1)), on every request they receive, whatever regime it declares.
 */
public final class UkRequestDeadline extends RequestDeadlineRule {

    public UkRequestDeadline() {
        super("UK-DSR-01", "UK GDPR Art 12A; DPA 2018 s.54(3A)-(3D)", Severity.S2, EventVocabulary.Regime.UK_GDPR, -1,
                RequestClock.UK_GDPR);
    }
}
