package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;

/**
 * Binds a clinic's KMS attestation key to proven chain data, never to what a transcript says (a KMS receipt's
 * {@code key} member), one of:
 * <ul>
 *   <li>{@code {"stateProof": j}}: verified EIP-1186 answer j, at the block of the {@code KeyDestroyed} event, asked
 *       for the slot of {@code clinics[clinicId].kmsAttestationKey} in {@code ConsortiumRegistry}
 *       (KEC(clinicId || uint256(0)) + 1: the mapping is slot 0, the key the struct's second slot); its proven
 *       value is the key. This is the key registered at that block.</li>
 *   <li>{@code {"event": j}}: proven event j is a {@code ClinicAdmitted} or {@code ClinicUpdated} of the same
 *       clinic before the deletion (chain order), and no later registration of the clinic before the deletion is
 *       among the proven events; data word 3 is the key. Weaker: an update in a block whose receipts the transcript
 *       does not carry cannot be excluded (the state proof excludes it).</li>
 * </ul>
 * Failures: {@code ATTESTATION_KEY_NOT_BOUND} (no binding; another clinic, block, slot; a later registration; a
 * value that is not an address), {@code EVENT_REFERENCE_MISSING}, {@code EVIDENCE_MISSING} (no such state proof),
 * {@code EVENT_KIND_MISMATCH}. Which contract holds the key is reported, for the reader to compare with the
 * consortium's registry address.
 */
final class KeyBinding {

    /** The bound key and how it was bound, or the failure. */
    record Bound(Bytes address, String source, VerificationResult failure) {
    }

    private KeyBinding() {
    }

    static Bound bind(String subject, Object raw, boolean present, ProvenEvent destroyed, ClaimCheck claims) {
        String at = subject + " key";
        if (!present) {
            return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "a registration event or a state proof of the "
                    + "clinic's kmsAttestationKey slot", "no binding (a key is never taken from the transcript)");
        }
        Map<String, ?> spec = Values.object(raw, at);
        if (spec.containsKey("event") == spec.containsKey("stateProof") || spec.size() != 1) {
            throw new IllegalArgumentException(at + ": exactly one of {\"event\": i} or {\"stateProof\": j}");
        }
        return spec.containsKey("event")
                ? byEvent(at, Values.index(spec.get("event"), at + ".event"), destroyed, claims)
                : byState(at, Values.index(spec.get("stateProof"), at + ".stateProof"), destroyed, claims);
    }

    private static Bound byEvent(String at, int index, ProvenEvent destroyed, ClaimCheck claims) {
        if (index >= claims.events().size()) {
            return failed(ReasonCode.EVENT_REFERENCE_MISSING, at, "one of the " + claims.events().size()
                    + " proven events", "event " + index);
        }
        ProvenEvent registration = claims.events().get(index);
        if (!isRegistration(registration)) {
            return failed(ReasonCode.EVENT_KIND_MISMATCH, at, "a ClinicAdmitted or ClinicUpdated event (2 topics, "
                    + "5 data words)", registration.describe());
        }
        Bytes clinic = destroyed.topics().get(1);
        if (!registration.topics().get(1).equals(clinic)) {
            return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "a registration of clinic " + clinic.toHex(),
                    registration.describe() + " of clinic " + registration.topics().get(1).toHex());
        }
        if (!registration.before(destroyed)) {
            return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "a registration before " + destroyed.describe(),
                    registration.describe());
        }
        for (ProvenEvent other : claims.events()) {
            if (isRegistration(other) && other.topics().get(1).equals(clinic) && registration.before(other)
                    && other.before(destroyed)) {
                return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "the clinic's last registration before "
                        + "the deletion", registration.describe() + ", replaced by " + other.describe());
            }
        }
        Bytes word = registration.word(CustosEvents.KMS_KEY_WORD);
        return address(at, new BigInteger(1, word.toArray()), "the kmsAttestationKey of " + registration.describe());
    }

    private static Bound byState(String at, int index, ProvenEvent destroyed, ClaimCheck claims) {
        if (index >= claims.states().size()) {
            return failed(ReasonCode.EVIDENCE_MISSING, at, "one of the " + claims.states().size()
                    + " verified state proofs", "state proof " + index);
        }
        ClaimCheck.ProvenState state = claims.states().get(index);
        if (!state.block().equals(destroyed.block())) {
            return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "a state proof at block " + destroyed.block()
                    + " (the deletion's)", "a state proof at block " + state.block());
        }
        BigInteger slot = keySlot(destroyed.topics().get(1));
        BigInteger value = state.slots().get(slot);
        if (value == null) {
            return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "a proof of slot " + hex32(slot)
                    + " (clinics[clinicId].kmsAttestationKey)", "slots " + state.slots().keySet().stream()
                    .map(KeyBinding::hex32).toList());
        }
        return address(at, value, "the kmsAttestationKey in slot " + hex32(slot) + " of contract "
                + state.address().toHex() + " at block " + state.block() + " (state proof " + index + ")");
    }

    /** KEC(clinicId || uint256(CLINICS_SLOT)) + KMS_KEY_SLOT_OFFSET, modulo 2^256 (Solidity storage layout). */
    static BigInteger keySlot(Bytes clinicId) {
        byte[] mappingSlot = new byte[32];
        mappingSlot[31] = (byte) CustosEvents.CLINICS_SLOT;
        BigInteger base = new BigInteger(1, Hashes.keccak256(clinicId.toArray(), mappingSlot));
        return base.add(BigInteger.valueOf(CustosEvents.KMS_KEY_SLOT_OFFSET)).mod(BigInteger.ONE.shiftLeft(256));
    }

    private static boolean isRegistration(ProvenEvent e) {
        return (e.topic0().equals(CustosEvents.CLINIC_ADMITTED) || e.topic0().equals(CustosEvents.CLINIC_UPDATED))
                && e.topics().size() == 2 && e.data().length() == 5 * 32;
    }

    private static Bound address(String at, BigInteger value, String source) {
        if (value.signum() == 0 || value.bitLength() > 160) {
            return failed(ReasonCode.ATTESTATION_KEY_NOT_BOUND, at, "a non-zero address (20 bytes)",
                    hex32(value) + " from " + source);
        }
        byte[] raw = value.toByteArray();
        byte[] address = new byte[20];
        int length = Math.min(raw.length, 20);
        System.arraycopy(raw, raw.length - length, address, 20 - length, length);
        return new Bound(Bytes.of(address), source, null);
    }

    private static Bound failed(ReasonCode reason, String subject, String expected, String actual) {
        return new Bound(null, null, VerificationResult.rejected(reason, subject, expected, actual));
    }

    private static String hex32(BigInteger value) {
        return String.format("0x%064x", value);
    }
}
