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
 * GDPR-LAW-01: every {@code RecordCommitted} (health data) pairs an Art 6(1) basis (letters a-f) with an Art 9(2)
 * condition (letters a-j): {@code basisCode = (Art 6 letter << 8) | Art 9(2) letter}, a = 1.
 */
public final class LawfulBasis extends CatalogueRule {

    public LawfulBasis() {
        super("GDPR-LAW-01", 1, "GDPR Art 6(1), 9(1)-(2)", Severity.S1, Scope.GDPR, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        for (ProvenEvent r : f.events("RecordCommitted")) {
            int code = r.intField("basisCode");
            int art6 = code >> 8;
            int art9 = code & 0xff;
            if (art6 >= 1 && art6 <= 6 && art9 >= 1 && art9 <= 10) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("recordId", r.field("recordId"));
            objects.put("basisCode", Integer.toString(code));
            out.add(finding(f, "recordId:" + r.field("recordId"), "Record without an Art 6 basis paired with an "
                    + "Art 9(2) condition (basisCode " + code + ")", objects,
                    List.of(EvidenceRef.event("recordCommitted", r)), null, null));
        }
    }
}
