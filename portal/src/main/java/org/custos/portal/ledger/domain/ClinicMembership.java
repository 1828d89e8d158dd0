package org.custos.portal.ledger.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.state.Eip1186ProofVerifier;

/**
 * A clinic's entry in {@code ConsortiumRegistry} (docs/consortium.md: mapping {@code clinics} at slot 0; the
 * struct at {@code keccak256(clinicId . 0)} packs admitted, suspended, jurisdiction, hipaaCoveredEntity and writer
 * into its first slot, then kmsAttestationKey, then logSigner), read from an {@code eth_getProof} answer and
 * verified against the stateRoot of a verified block with ledger-verifier's EIP-1186 verifier.
 *
 * @param clinicId        on-chain clinic id (bytes32 hex)
 * @param block           the verified block whose stateRoot the proof was checked against
 * @param stateRoot       that block's verified stateRoot
 * @param verdict         verified, or the reason the proof was rejected
 * @param slots           the three storage slots (hex)
 * @param values          the proven slot values (hex, 32 bytes), in slot order
 * @param accountProof    the account proof nodes (hex), for display
 * @param storageProofs   per slot, the storage proof nodes (hex)
 */
public record ClinicMembership(String clinicId, long block, String stateRoot, VerificationResult verdict,
                               List<String> slots, List<String> values, List<String> accountProof,
                               List<List<String>> storageProofs) {

    public static final String[] JURISDICTIONS = {"EU", "UK", "US"};

    /** The three storage slots of a clinic's struct: keccak256(clinicId ‖ uint256(0)) + 0, 1, 2. */
    public static List<String> slotsOf(String clinicId) {
        byte[] key = Hex.decode(clinicId);
        if (key.length != 32) {
            throw new IllegalArgumentException("a clinic id is 32 bytes: " + clinicId);
        }
        BigInteger base = new BigInteger(1, Hashes.keccak256(key, new byte[32]));
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slots.add(word(base.add(BigInteger.valueOf(i))));
        }
        return slots;
    }

    /**
     * Verifies {@code proof} (an eth_getProof answer for {@code registry} and {@link #slotsOf}) against
     * {@code stateRoot}: the answer must be for that address and exactly those slots, and every node must check.
     */
    @SuppressWarnings("unchecked")
    public static ClinicMembership verify(String clinicId, String registry, long block, String stateRoot,
                                          Map<String, Object> proof) {
        List<String> slots = slotsOf(clinicId);
        List<String> values = new ArrayList<>();
        List<String> accountNodes = new ArrayList<>();
        List<List<String>> storageNodes = new ArrayList<>();
        VerificationResult verdict;
        try {
            Object address = proof.get("address");
            if (!(address instanceof String a) || !a.toLowerCase(Locale.ROOT).equals(registry)) {
                verdict = VerificationResult.rejected(ReasonCode.PROOF_VALUE_MISMATCH, "address", registry,
                        String.valueOf(address));
            } else {
                verdict = Eip1186ProofVerifier.verify(Bytes.fromHex(stateRoot), proof);
            }
            for (Object n : (List<Object>) proof.getOrDefault("accountProof", List.of())) {
                accountNodes.add(String.valueOf(n));
            }
            List<Object> storage = (List<Object>) proof.getOrDefault("storageProof", List.of());
            for (int i = 0; i < slots.size(); i++) {
                Map<String, Object> sp = i < storage.size() ? (Map<String, Object>) storage.get(i) : Map.of();
                Object key = sp.get("key");
                if (verdict.verified() && (!(key instanceof String k) || !slots.get(i).equals(normalise(k)))) {
                    verdict = VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, "storage proof " + i,
                            slots.get(i), String.valueOf(key));
                }
                Object value = sp.get("value");
                values.add(value instanceof String v ? word(new BigInteger(v.substring(2).isEmpty() ? "0"
                        : v.substring(2), 16)) : null);
                List<String> nodes = new ArrayList<>();
                for (Object n : (List<Object>) sp.getOrDefault("proof", List.of())) {
                    nodes.add(String.valueOf(n));
                }
                storageNodes.add(nodes);
            }
        } catch (RpcFormatException | ClassCastException | NumberFormatException e) {
            verdict = VerificationResult.rejected(ReasonCode.MALFORMED_FIELD, "eth_getProof answer",
                    "an EIP-1186 proof object", e.getMessage());
        }
        return new ClinicMembership(clinicId, block, stateRoot, verdict, slots, values, accountNodes, storageNodes);
    }

    private static String normalise(String key) {
        return word(new BigInteger(key.substring(2).isEmpty() ? "0" : key.substring(2), 16));
    }

    private static String word(BigInteger v) {
        String hex = v.toString(16);
        return "0x" + "0".repeat(64 - hex.length()) + hex;
    }

    private byte[] slot0() {
        return Hex.decode(values.get(0));
    }

    /** Only meaningful when {@link #verdict} is verified. */
    public boolean admitted() {
        return slot0()[31] != 0;
    }

    public boolean suspended() {
        return slot0()[30] != 0;
    }

    public String jurisdiction() {
        int j = slot0()[29];
        return j >= 0 && j < JURISDICTIONS.length ? JURISDICTIONS[j] : "code " + j;
    }

    public boolean hipaaCoveredEntity() {
        return slot0()[28] != 0;
    }

    public String writer() {
        byte[] w = new byte[20];
        System.arraycopy(slot0(), 8, w, 0, 20);
        return Hex.encodePrefixed(w);
    }

    public String kmsAttestationKey() {
        return address(values.get(1));
    }

    public String logSigner() {
        return address(values.get(2));
    }

    private static String address(String word) {
        return "0x" + word.substring(2 + 24);
    }
}
