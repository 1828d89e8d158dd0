package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/** HIPAA-BN-01: 45 CFR 164.404(b), individuals no later than 60 calendar days after discovery. */
public final class HipaaIndividualNotice extends BreachNoticeRule {

    public HipaaIndividualNotice() {
        super("HIPAA-BN-01", "45 CFR 164.404(b)", Severity.S1, Scope.HIPAA);
    }

    @Override
    int audience() {
        return EventVocabulary.Audience.SUBJECTS;
    }

    @Override
    boolean requires(ProvenEvent detected) {
        return true;
    }

    @Override
    Instant deadline(ProvenEvent detected, Instant awareAt) {
        return Deadlines.plusDays(awareAt, 60);
    }
}
