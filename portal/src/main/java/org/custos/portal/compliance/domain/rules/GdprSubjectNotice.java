package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-BR-02: Art 34(1), a breach likely to result in a high risk ({@code Risk.HIGH}) is communicated to the data
 * subjects ({@code BreachNotified} audience {@code SUBJECTS}) "without undue delay". The Regulation sets no hour
 * count; the portal treats the Art 33 72-hour mark after awareness as the latest point that is not undue (a policy
 * choice, docs/rules.md). The Art 34(3) exemptions (data unintelligible, risk no longer likely, public
 * communication) are not anchored by the consortium, so a missing communication is reported and a regulator may
 * accept it with the clinic's documented reason.
 */
public final class GdprSubjectNotice extends BreachNoticeRule {

    static final int HIGH = EventVocabulary.Risk.HIGH;

    public GdprSubjectNotice() {
        super("GDPR-BR-02", "GDPR Art 34(1), 34(3)", Severity.S2, Scope.GDPR);
    }

    @Override
    int audience() {
        return EventVocabulary.Audience.SUBJECTS;
    }

    @Override
    boolean requires(ProvenEvent detected) {
        return detected.intField("risk") == HIGH;
    }

    @Override
    Instant deadline(ProvenEvent detected, Instant awareAt) {
        return Deadlines.plusHours(awareAt, 72);
    }
}
