package org.custos.portal.compliance.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.PiiScanner;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-MIN-01: no cleartext personal data in any proven event field of the clinic ({@link PiiScanner}). The
 * cleartext itself is not copied into the finding (only its kind and where it is).
 */
public final class CleartextPersonalData extends CatalogueRule {

    public CleartextPersonalData() {
        super("GDPR-MIN-01", 1, "GDPR Art 5(1)(c); EDPB Guidelines 02/2025", Severity.S1, Scope.ALL, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        for (ProvenEvent e : f.events()) {
            for (Map.Entry<String, String> field : e.fields().entrySet()) {
                String v = field.getValue();
                if (v.length() != 66 || !v.startsWith("0x")) {
                    continue;
                }
                Optional<String> kind = PiiScanner.text(v).flatMap(PiiScanner::classify);
                if (kind.isEmpty()) {
                    continue;
                }
                String primary = Identity.primary(e);
                Map<String, String> objects = new TreeMap<>();
                objects.put("event", e.name());
                objects.put("field", field.getKey());
                objects.put("kind", kind.get());
                objects.put(primary, e.field(primary));
                out.add(finding(f, primary + ":" + e.field(primary) + "/" + field.getKey(), "Cleartext "
                        + kind.get() + " in " + e.name() + "." + field.getKey(), objects,
                        List.of(EvidenceRef.event(e.name(), e)), null, null));
            }
        }
    }
}
