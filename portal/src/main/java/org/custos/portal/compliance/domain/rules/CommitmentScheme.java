package org.custos.portal.compliance.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-MIN-04 (scheme part): every {@code RecordCommitted.scheme} is a keyed or salted commitment (1 HMAC-SHA-256,
 * 2 salted SHA-256, 3 Pedersen). Sample openings need record plaintexts and salts, which bundles do not hold.
 */
public final class CommitmentScheme extends CatalogueRule {

    public CommitmentScheme() {
        super("GDPR-MIN-04", 1, "EDPB Guidelines 02/2025 paras 52-54; CNIL 2018", Severity.S2, Scope.ALL, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        for (ProvenEvent r : f.events("RecordCommitted")) {
            int scheme = r.intField("scheme");
            if (scheme >= 1 && scheme <= 3) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("recordId", r.field("recordId"));
            objects.put("scheme", Integer.toString(scheme));
            out.add(finding(f, "recordId:" + r.field("recordId"), "Commitment scheme " + scheme
                    + " is not a keyed hash, salted hash or Pedersen commitment", objects,
                    List.of(EvidenceRef.event("recordCommitted", r)), null, null));
        }
    }
}
