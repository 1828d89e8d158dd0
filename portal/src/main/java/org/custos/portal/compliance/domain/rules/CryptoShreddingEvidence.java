package org.custos.portal.compliance.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.AccessLogTable;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptCheck;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptStatus;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-ER-02, crypto-shredding evidence: (a) every {@code KeyDestroyed} has a KMS deletion receipt in the bundle
 * hashing to the anchored hash, naming the clinic and key, signed by the registered {@code kmsAttestationKey};
 * (b) no anchored access-log entry reads a record after the destruction of the record's key (the data was not
 * beyond use). Only the covered entries (below the largest anchored tree size) are read.
 */
public final class CryptoShreddingEvidence extends CatalogueRule {

    public CryptoShreddingEvidence() {
        super("GDPR-ER-02", 1, "GDPR Art 17(1); EDPB Guidelines 02/2025 paras 51-54; CNIL 2018", Severity.S1,
                Scope.GDPR, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        String sha = f.verification().bundleSha256();
        for (ReceiptCheck c : f.verification().receipts()) {
            if (c.status() == ReceiptStatus.OK) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("keyId", c.keyId());
            objects.put("receiptStatus", c.status().name());
            if (c.signer() != null) {
                objects.put("receiptSigner", c.signer());
            }
            List<EvidenceRef> ev = c.path() == null ? List.of(EvidenceRef.event("keyDestroyed", c.event()))
                    : List.of(EvidenceRef.event("keyDestroyed", c.event()), EvidenceRef.file("kmsReceipt", c.path(), sha));
            out.add(finding(f, "keyId:" + c.keyId(), "KMS deletion receipt " + switch (c.status()) {
                case MISSING -> "missing from the bundle";
                case CONTENT_MISMATCH -> "names another clinic or key";
                case WRONG_SIGNER -> "not signed by the registered KMS attestation key";
                default -> "signature unreadable";
            }, objects, ev, null, null));
        }
        Map<String, ProvenEvent> records = Chain.firstBy(f, "RecordCommitted", "recordId");
        Map<String, ProvenEvent> destroyed = Chain.firstBy(f, "KeyDestroyed", "keyId");
        AccessLogTable log = f.bundle().accessLog();
        long covered = f.verification().coveredEntries();
        for (int i = 0; i < covered; i++) {
            ProvenEvent record = records.get(log.recordId(i));
            if (record == null) {
                continue;
            }
            ProvenEvent d = destroyed.get(record.field("keyId"));
            if (d == null || log.recorded(i) <= d.epoch()) {
                continue;
            }
            AccessLogTable.Entry e = log.get(i);
            Map<String, String> objects = entryObjects(e);
            objects.put("keyId", record.field("keyId"));
            out.add(finding(f, "entry:" + e.path(), "Record read after its key was destroyed", objects,
                    List.of(f.entryEvidence(i), EvidenceRef.event("keyDestroyed", d),
                            EvidenceRef.event("recordCommitted", record)), null, Chain.epoch(e.recorded())));
        }
    }

    static Map<String, String> entryObjects(AccessLogTable.Entry e) {
        Map<String, String> objects = new TreeMap<>();
        objects.put("entry", e.path());
        objects.put("recordId", e.recordId());
        objects.put("subject", e.subject());
        objects.put("role", e.role());
        objects.put("staff", e.staff());
        objects.put("purposeId", Integer.toString(e.purpose()));
        objects.put("dataCategory", Integer.toString(e.category()));
        objects.put("recorded", Chain.epoch(e.recorded()).toString());
        return objects;
    }
}
