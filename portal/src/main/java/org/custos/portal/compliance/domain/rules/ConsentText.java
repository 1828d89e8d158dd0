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
 * GDPR-CON-01 (demonstrability of the consent text): every {@code ConsentGranted.policyHash} has a document in the
 * verified bundle with that SHA-256. One finding per missing text, citing the first grants that use it.
 */
public final class ConsentText extends CatalogueRule {

    public ConsentText() {
        super("GDPR-CON-01", 1, "GDPR Art 7(1)", Severity.S1, Scope.GDPR, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        for (Map.Entry<String, Boolean> p : f.verification().policyTexts().entrySet()) {
            if (p.getValue()) {
                continue;
            }
            List<EvidenceRef> ev = new ArrayList<>();
            for (ProvenEvent g : f.events("ConsentGranted")) {
                if (g.field("policyHash").equals(p.getKey()) && ev.size() < 10) {
                    ev.add(EvidenceRef.event("consentGranted", g));
                }
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("policyHash", p.getKey());
            out.add(finding(f, "policyHash:" + p.getKey(), "Consent text with the anchored hash is not in the bundle",
                    objects, ev, null, null));
        }
    }
}
