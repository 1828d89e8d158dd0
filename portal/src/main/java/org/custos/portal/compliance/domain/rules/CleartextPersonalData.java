package org.custos.portal.compliance.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.personaldata.PiiScanner;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-MIN-01: no cleartext personal data on the ledger. (1) Every proven event field of the clinic, read as a
 * zero-padded ASCII word ({@link PiiScanner}), one finding per event field. (2) Everything else the sync's
 * ledger-wide scan found in proven bytes (every transaction's input and creation code, every log of any contract;
 * ASCII/UTF-8, UTF-16, hex and base64 in text, ABI strings and bytes) and attributed to this clinic (its registered
 * writer sent the transaction) or, for the consortium scope, to no clinic: one finding per transaction and place
 * ({@link LedgerWideHits}), except in transactions already reported by (1). The cleartext itself is not copied into
 * the finding (only its kind and where it is).
 */
public final class CleartextPersonalData extends CatalogueRule {

    public CleartextPersonalData() {
        super("GDPR-MIN-01", 2, "GDPR Art 5(1)(c); EDPB Guidelines 02/2025", Severity.S1, Scope.ALL, false);
    }

    @Override
    public boolean ledgerWide() {
        return true;
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        java.util.Set<String> reported = new java.util.HashSet<>();
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
                reported.add(e.txHash().toLowerCase(java.util.Locale.ROOT));
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
        LedgerWideHits.evaluate(this, f, reported, out);
    }
}
