package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * HIPAA-BN-02: 45 CFR 164.408(b), 500 or more individuals: the Secretary (HHS) contemporaneously with the
 * individual notices, at the latest 60 days after discovery. Breaches under 500 go into the annual log
 * (164.408(c), due 60 days after the end of the calendar year); the consortium anchors no annual-log submission,
 * so that branch is not decidable and not evaluated.
 */
public final class HipaaSecretaryNotice extends BreachNoticeRule {

    public static final int THRESHOLD = 500;

    public HipaaSecretaryNotice() {
        super("HIPAA-BN-02", "45 CFR 164.408(b)", Severity.S1, Scope.HIPAA);
    }

    @Override
    int audience() {
        return EventVocabulary.Audience.HHS;
    }

    @Override
    boolean requires(ProvenEvent detected) {
        return detected.longField("affectedCount") >= THRESHOLD;
    }

    @Override
    Instant deadline(ProvenEvent detected, Instant awareAt) {
        return Deadlines.plusDays(awareAt, 60);
    }
}
