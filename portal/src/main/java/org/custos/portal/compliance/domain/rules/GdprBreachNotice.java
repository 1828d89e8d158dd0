package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-BR-01: Art 33(1), the supervisory authority within 72 hours of awareness, unless the breach is unlikely
 * to result in a risk ({@code Risk.UNLIKELY}).
 */
public final class GdprBreachNotice extends BreachNoticeRule {

    public GdprBreachNotice() {
        super("GDPR-BR-01", "GDPR Art 33(1)", Severity.S1, Scope.GDPR);
    }

    @Override
    int audience() {
        return EventVocabulary.Audience.AUTHORITY;
    }

    @Override
    boolean requires(ProvenEvent detected) {
        return detected.intField("risk") != EventVocabulary.Risk.UNLIKELY;
    }

    @Override
    Instant deadline(ProvenEvent detected, Instant awareAt) {
        return Deadlines.plusHours(awareAt, 72);
    }
}
