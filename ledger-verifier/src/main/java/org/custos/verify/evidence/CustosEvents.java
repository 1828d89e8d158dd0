package org.custos.verify.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;

/**
 * The Custos consortium events a {@code custos-evidence/2} transcript refers to, by topic0 (KEC of the Solidity
 * event signature, consortium/src/main/solidity). Data words are the ABI encoding of the non-indexed parameters,
 * 32 bytes each, in declaration order:
 * <ul>
 *   <li>{@code AuditCheckpoint(bytes32 indexed clinicId, uint64 treeSize, bytes32 rootHash)}: topics
 *       [topic0, clinicId]; word 0 treeSize, word 1 rootHash (an RFC 9162 root over the clinic's access log).</li>
 *   <li>{@code KeyDestroyed(bytes32 indexed clinicId, bytes32 indexed keyId, bytes32 kmsDeletionReceiptHash)}:
 *       topics [topic0, clinicId, keyId]; word 0 the SHA-256 of the KMS deletion receipt.</li>
 *   <li>{@code ClinicAdmitted} / {@code ClinicUpdated(bytes32 indexed clinicId, uint8 jurisdiction,
 *       bool hipaaCoveredEntity, address writer, address kmsAttestationKey, address logSigner)}: topics
 *       [topic0, clinicId]; word 3 the kmsAttestationKey (an address in the low 20 bytes).</li>
 * </ul>
 */
final class CustosEvents {

    static final Bytes AUDIT_CHECKPOINT = topic("AuditCheckpoint(bytes32,uint64,bytes32)");
    static final Bytes KEY_DESTROYED = topic("KeyDestroyed(bytes32,bytes32,bytes32)");
    static final Bytes CLINIC_ADMITTED = topic("ClinicAdmitted(bytes32,uint8,bool,address,address,address)");
    static final Bytes CLINIC_UPDATED = topic("ClinicUpdated(bytes32,uint8,bool,address,address,address)");
    /** The word of ClinicAdmitted / ClinicUpdated data holding kmsAttestationKey. */
    static final int KMS_KEY_WORD = 3;
    /** ConsortiumRegistry's storage slot of {@code mapping(bytes32 => Clinic) clinics}. */
    static final int CLINICS_SLOT = 0;
    /** The offset of {@code kmsAttestationKey} in the {@code Clinic} struct's slots (after the packed flags+writer). */
    static final int KMS_KEY_SLOT_OFFSET = 1;

    private static final Map<Bytes, String> NAMES = Map.of(AUDIT_CHECKPOINT, "AuditCheckpoint", KEY_DESTROYED,
            "KeyDestroyed", CLINIC_ADMITTED, "ClinicAdmitted", CLINIC_UPDATED, "ClinicUpdated");

    private CustosEvents() {
    }

    /** The event's name if topic0 is a Custos event this verifier knows, else "event topic0 0x…". */
    static String name(Bytes topic0) {
        String name = NAMES.get(topic0);
        return name != null ? name : "event topic0 " + topic0.toHex();
    }

    private static Bytes topic(String signature) {
        return Bytes.of(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII)));
    }
}
