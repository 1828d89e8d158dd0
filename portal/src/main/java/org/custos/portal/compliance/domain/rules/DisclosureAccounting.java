package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * HIPAA-AOD-01: every recorded disclosure names its recipient, purpose and data category (the date is the block
 * time), so an accounting of disclosures can be produced from proven events.
 */
public final class DisclosureAccounting extends CatalogueRule {

    public DisclosureAccounting() {
        super("HIPAA-AOD-01", 1, "45 CFR 164.528(a)-(b)", Severity.S2, Scope.HIPAA, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        for (ProvenEvent d : f.events("DisclosureRecorded")) {
            List<String> missing = new ArrayList<>();
            if (Chain.ZERO.equals(d.field("recipientId"))) {
                missing.add("recipientId");
            }
            if (d.intField("purposeId") == 0) {
                missing.add("purposeId");
            }
            if (d.intField("dataCategory") == 0) {
                missing.add("dataCategory");
            }
            if (missing.isEmpty()) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("disclosureId", d.field("disclosureId"));
            objects.put("missing", String.join(",", missing));
            out.add(finding(f, "disclosureId:" + d.field("disclosureId"), "Disclosure without "
                    + String.join(", ", missing), objects, List.of(EvidenceRef.event("disclosureRecorded", d)),
                    null, null));
        }
    }
}
