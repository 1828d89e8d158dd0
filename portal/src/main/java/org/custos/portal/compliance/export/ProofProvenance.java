package org.custos.portal.compliance.export;

import java.time.Instant;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * A Provenance that points from an exported AuditEvent at one proof: a log of a receipt proven under a verified
 * block's receipts root ({@link #ledgerLog}), or a file of a verified evidence bundle, for an access-log entry
 * with its RFC 9162 inclusion path ({@link #bundleFile}). The proof's coordinates are the entity's identifier
 * and a complex extension on the entity (docs/exports.md).
 */
final class ProofProvenance {

    private ProofProvenance() {
    }

    /**
     * Where a proven event is: chain, block number and hash, transaction, log index, receipts root, time. Without a
     * log index, the proof is the transaction itself (a ledger-wide finding in a plain transaction's input or
     * creation code), under the block's transactions root.
     */
    record LogProof(String role, long block, String blockHash, String txHash, Integer txIndex, Integer logIndex,
                    String receiptsRoot, Instant time) {
    }

    static Provenance ledgerLog(String target, String clinicId, ChainRef chain, LogProof p, Instant recorded) {
        boolean log = p.logIndex() != null;
        Provenance prov = base(target, clinicId, log ? "receipt-log" : "transaction", log
                ? "log of a receipt proven under a verified block"
                : "transaction proven under a verified block's transactions root", recorded);
        if (p.time() != null) {
            prov.setOccurred(FhirTimes.dateTime(p.time()));
        }
        Provenance.ProvenanceEntityComponent entity = prov.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE);
        entity.setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.LEDGER_LOG)
                        .setValue(p.block() + "/" + p.txHash() + (log ? "/" + p.logIndex() : "")))
                .setDisplay((p.role() == null ? log ? "event" : "transaction" : p.role())
                        + (log ? ": log " + p.logIndex() + " of transaction " : ": transaction ") + p.txHash()
                        + " in block " + p.block()));
        Extension proof = entity.addExtension().setUrl(FhirSystems.LEDGER_PROOF);
        proof.addExtension("chain", new StringType(chain.label()));
        proof.addExtension("blockNumber", new StringType(Long.toString(p.block())));
        if (p.blockHash() != null) {
            proof.addExtension("blockHash", new StringType(p.blockHash()));
        }
        proof.addExtension("txHash", new StringType(p.txHash()));
        if (p.txIndex() != null) {
            proof.addExtension("txIndex", new UnsignedIntType(p.txIndex()));
        }
        if (log) {
            proof.addExtension("logIndex", new UnsignedIntType(p.logIndex()));
        }
        if (p.receiptsRoot() != null) {
            proof.addExtension("receiptsRoot", new StringType(p.receiptsRoot()));
        }
        if (p.time() != null) {
            proof.addExtension("blockTime", FhirTimes.instant(p.time()));
        }
        return prov;
    }

    /** A bundle file; with {@code treeSize} set, an access-log entry and its inclusion proof. */
    static Provenance bundleFile(String target, String clinicId, String role, String path, String bundleSha256,
                                 Long treeSize, String anchoredRoot, java.util.List<String> inclusionPath,
                                 Boolean verified, Instant recorded) {
        boolean entry = treeSize != null;
        Provenance prov = base(target, clinicId, entry ? "bundle-entry" : "bundle-file", entry
                ? "access-log entry of a verified evidence bundle, with its RFC 9162 inclusion proof"
                : "file of a verified evidence bundle", recorded);
        Provenance.ProvenanceEntityComponent entity = prov.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE);
        entity.setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.BUNDLE_FILE)
                        .setValue(bundleSha256 == null ? path : bundleSha256 + "/" + path))
                .setDisplay((role == null ? "file" : role) + ": " + path));
        Extension proof = entity.addExtension().setUrl(FhirSystems.BUNDLE_PROOF);
        if (bundleSha256 != null) {
            proof.addExtension("bundleSha256", new StringType(bundleSha256));
        }
        proof.addExtension("path", new StringType(path));
        if (entry) {
            proof.addExtension("treeSize", new StringType(Long.toString(treeSize)));
            if (anchoredRoot != null) {
                proof.addExtension("anchoredRoot", new StringType(anchoredRoot));
            }
            for (String hash : inclusionPath) {
                proof.addExtension("inclusionPath", new StringType(hash));
            }
            proof.addExtension("inclusionVerified", new BooleanType(Boolean.TRUE.equals(verified)));
        }
        return prov;
    }

    private static Provenance base(String target, String clinicId, String kind, String kindDisplay,
                                   Instant recorded) {
        Provenance prov = new Provenance();
        prov.addTarget(new Reference(target));
        prov.setRecordedElement(FhirTimes.instant(recorded));
        prov.setActivity(new CodeableConcept(new Coding(FhirSystems.PROOF_KIND, kind, kindDisplay)));
        prov.addAgent()
                .setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_AGENT, "author", "Author")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.CLINIC)
                        .setValue(clinicId)).setDisplay("clinic " + clinicId));
        return prov;
    }
}
