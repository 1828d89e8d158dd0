package org.custos.consortium.sim;

import java.util.List;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.web3j.crypto.Credentials;

/**
 * One simulated clinic: its public profile (what the admin admits), its writer, KMS attestation and log signing
 * keys, and its off-chain secrets and evidence: the HMAC key, the openings of its record commitments and its access log (entries in order).
 */
public record SimulatedClinic(byte[] clinicId, Jurisdiction jurisdiction, boolean hipaaCoveredEntity,
                              Credentials writer, Credentials kmsAttestationKey, Credentials logSigner, byte[] keyId,
                              byte[] hmacKey, List<RecordOpening> records, List<byte[]> accessLog) {

    public SimulatedClinic {
        records = List.copyOf(records);
        accessLog = List.copyOf(accessLog);
    }

    /** What opens a record commitment: commitment = HMAC-SHA-256(hmacKey, plaintext). */
    public record RecordOpening(byte[] recordId, byte[] plaintext, byte[] commitment) {
    }
}
