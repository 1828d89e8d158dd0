package org.custos.portal.compliance.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-SL-01: each record's key destroyed by its {@code RecordCommitted} block time + the retention days of its
 * data category in the clinic's anchored machine-readable RoPA, plus an operational grace of {@link #GRACE}
 * (the catalogue's "retention_end + grace"; the consortium's honest clinics destroy within an hour). Not
 * evaluated without a verified RoPA.
 */
public final class Retention extends CatalogueRule {

    public static final Duration GRACE = Duration.ofDays(1);

    public Retention() {
        super("GDPR-SL-01", 1, "GDPR Art 5(1)(e), 30(1)(f)", Severity.S2, Scope.GDPR, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<Integer, Integer> days = f.verification().retentionDays();
        if (days.isEmpty()) {
            return;
        }
        Map<String, ProvenEvent> destroyed = Chain.firstBy(f, "KeyDestroyed", "keyId");
        for (ProvenEvent r : f.events("RecordCommitted")) {
            Integer d = days.get(r.intField("dataCategory"));
            if (d == null) {
                continue;
            }
            Instant end = Deadlines.plusDays(r.time(), d);
            Instant limit = end.plus(GRACE);
            ProvenEvent k = destroyed.get(r.field("keyId"));
            if (k == null ? !f.asOf().isAfter(limit) : !k.time().isAfter(limit)) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("recordId", r.field("recordId"));
            objects.put("keyId", r.field("keyId"));
            objects.put("dataCategory", r.field("dataCategory"));
            objects.put("retentionDays", Integer.toString(d));
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("recordCommitted", r)));
            if (k != null) {
                ev.add(EvidenceRef.event("keyDestroyed", k));
            }
            out.add(finding(f, "recordId:" + r.field("recordId"), "Key not destroyed at retention end ("
                    + d + " days)", objects, ev, end, k == null ? null : k.time()));
        }
    }
}
