package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.AccessLogTable;

/**
 * HIPAA-MIN-01: an anchored access whose role is not allowed the record's data category by the clinic's anchored
 * machine-readable access policy (docType 6). Not evaluated when no verified policy is bundled.
 */
public final class MinimumNecessary extends CatalogueRule {

    public MinimumNecessary() {
        super("HIPAA-MIN-01", 1, "45 CFR 164.502(b), 164.514(d)(2)", Severity.S2, Scope.HIPAA, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, Set<Integer>> allowed = f.verification().allowed();
        if (allowed.isEmpty()) {
            return;
        }
        AccessLogTable log = f.bundle().accessLog();
        for (int i = 0; i < f.verification().coveredEntries(); i++) {
            Set<Integer> cats = allowed.getOrDefault(log.role(i), Set.of());
            if (cats.contains(log.category(i))) {
                continue;
            }
            AccessLogTable.Entry e = log.get(i);
            Map<String, String> objects = CryptoShreddingEvidence.entryObjects(e);
            objects.put("allowedCategories", cats.stream().map(String::valueOf).reduce((a, b) -> a + "," + b)
                    .orElse(""));
            List<EvidenceRef> ev = new ArrayList<>(List.of(f.entryEvidence(i)));
            f.coveringCheckpoint(i).ifPresent(c -> ev.add(EvidenceRef.event("checkpoint", c)));
            out.add(finding(f, "entry:" + e.path(), "Role " + e.role() + " read data category " + e.category()
                    + " outside its access policy", objects, ev, null, Chain.epoch(e.recorded())));
        }
    }
}
