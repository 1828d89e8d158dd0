package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * HIPAA-BN-03: 45 CFR 164.406, media notice within 60 days when more than 500 residents of a State are affected.
 * The chain anchors the total only (no residency breakdown), so a total above 500 stands for it: a clinic in one
 * State.
 */
public final class HipaaMediaNotice extends BreachNoticeRule {

    public HipaaMediaNotice() {
        super("HIPAA-BN-03", "45 CFR 164.406", Severity.S2, Scope.HIPAA);
    }

    @Override
    int audience() {
        return EventVocabulary.Audience.MEDIA;
    }

    @Override
    boolean requires(ProvenEvent detected) {
        return detected.longField("affectedCount") > 500;
    }

    @Override
    Instant deadline(ProvenEvent detected, Instant awareAt) {
        return Deadlines.plusDays(awareAt, 60);
    }
}
