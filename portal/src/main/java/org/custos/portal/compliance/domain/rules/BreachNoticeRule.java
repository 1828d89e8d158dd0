package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.TimeWords;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * A breach notification deadline: for each {@code BreachDetected} the rule needs, a {@code BreachNotified} to
 * {@link #audience()} at or before {@link #deadline}, counted from the anchored {@code awareAt}; late or missing
 * once the deadline has passed is a finding.
 */
abstract class BreachNoticeRule extends CatalogueRule {

    static final String[] AUDIENCES = EventVocabulary.AUDIENCE.members().toArray(String[]::new);
    /** Who each audience is, as the summary names it ("No notice to the HHS Secretary …"), by audience code. */
    static final String[] AUDIENCE_WORDS = {"the supervisory authority", "the HHS Secretary",
        "the affected individuals", "the media"};

    BreachNoticeRule(String id, String source, Severity severity, Scope scope) {
        super(id, 1, source, severity, scope, false);
    }

    abstract int audience();

    abstract boolean requires(ProvenEvent detected);

    abstract Instant deadline(ProvenEvent detected, Instant awareAt);

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, List<ProvenEvent>> notices = Chain.allBy(f, "BreachNotified", "breachId");
        for (ProvenEvent b : f.events("BreachDetected")) {
            if (!requires(b)) {
                continue;
            }
            String id = b.field("breachId");
            Instant aware = Chain.epoch(b.longField("awareAt"));
            Instant deadline = deadline(b, aware);
            ProvenEvent notice = Chain.first(notices.get(id), n -> n.intField("audience") == audience()).orElse(null);
            if (notice == null ? !f.asOf().isAfter(deadline) : !notice.time().isAfter(deadline)) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("breachId", id);
            objects.put("affectedCount", b.field("affectedCount"));
            objects.put("awareAt", aware.toString());
            objects.put("audience", AUDIENCES[audience()]);
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("breachDetected", b)));
            if (notice != null) {
                ev.add(EvidenceRef.event("breachNotified", notice));
            }
            out.add(finding(f, "breachId:" + id, (notice == null ? "No notice" : "Late notice") + " to "
                    + AUDIENCE_WORDS[audience()] + " of a breach (due " + TimeWords.of(deadline) + ")", objects, ev, deadline,
                    notice == null ? null : notice.time()));
        }
    }
}
