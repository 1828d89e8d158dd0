package org.custos.consortium.sim;

import java.util.List;
import java.util.Map;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.web3j.crypto.Credentials;

/**
 * One simulated clinic: its public profile (what the admin admits), its writer, KMS attestation and log signing
 * keys, and its off-chain secrets and evidence: the HMAC key, the openings of its record commitments, its access
 * log (FHIR AuditEvent JSON bytes in order), the KMS deletion receipts of the keys it destroyed, its consents (FHIR
 * Consent JSON bytes, in grant order), its anchored documents (file name to bytes) and the signed tree heads of its
 * anchored checkpoints (in checkpoint order); and the identifiers of its patients it lists for the plain-hash check
 * (GDPR-MIN-02, the bundle's {@code identifiers/dictionary.json}: each patient's MRN and e-mail address, in patient
 * order). The identifiers are personal data: they exist only in the bundle, never on-chain.
 */
public record SimulatedClinic(byte[] clinicId, Jurisdiction jurisdiction, boolean hipaaCoveredEntity,
                              Credentials writer, Credentials kmsAttestationKey, Credentials logSigner, byte[] hmacKey,
                              List<RecordOpening> records, List<byte[]> accessLog,
                              List<KmsReceipt> kmsReceipts, List<byte[]> consents,
                              Map<String, byte[]> documents, List<SignedTreeHead> treeHeads,
                              List<String> identifiers) {

    public SimulatedClinic {
        records = List.copyOf(records);
        accessLog = List.copyOf(accessLog);
        kmsReceipts = List.copyOf(kmsReceipts);
        consents = List.copyOf(consents);
        treeHeads = List.copyOf(treeHeads);
        identifiers = List.copyOf(identifiers);
        documents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(documents));
    }

    /** What opens a record commitment: commitment = HMAC-SHA-256(hmacKey, plaintext). */
    public record RecordOpening(byte[] recordId, byte[] plaintext, byte[] commitment) {
    }
}
