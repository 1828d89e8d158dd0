package org.custos.portal.ledger.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.state.Eip1186ProofVerifier;

/**
 * A clinic's entry in {@code ConsortiumRegistry} (docs/consortium.md: mapping {@code clinics} at slot 0; the
 * struct at {@code keccak256(clinicId . 0)} packs admitted, suspended, jurisdiction, hipaaCoveredEntity and writer
 * into its first slot, then kmsAttestationKey, then logSigner), read from an {@code eth_getProof} answer and
 * verified against the stateRoot of a verified block with ledger-verifier's EIP-1186 verifier, after checking that
 * the answer is the one asked for (the registry's account, exactly the clinic's three slots).
 *
 * @param clinicId        on-chain clinic id (bytes32 hex)
 * @param block           the verified block whose stateRoot the proof was checked against
 * @param stateRoot       that block's verified stateRoot
 * @param verdict         verified, or the reason the proof was rejected
 * @param slots           the three storage slots (hex)
 * @param values          the proven slot values (hex, 32 bytes), in slot order; nulls unless verified
 * @param accountProof    the account proof nodes (hex), for display
 * @param storageProofs   per slot, the storage proof nodes (hex)
 */
public record ClinicMembership(String clinicId, long block, String stateRoot, VerificationResult verdict,
                               List<String> slots, List<String> values, List<String> accountProof,
                               List<List<String>> storageProofs) {

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
     * Verifies {@code proof}, the node's answer to {@code eth_getProof(registry, slotsOf(clinicId), block)}, against
     * {@code stateRoot}, the verified stateRoot of that same block (the caller takes both from one verified block).
     * The answer must be the answer to that question (EIP-1186): for the account asked ({@code PROOF_ADDRESS_MISMATCH})
     * with exactly one storage proof per slot asked, none missing, emptied, repeated or added
     * ({@code STORAGE_KEYS_MISMATCH}; the order of the entries is not significant, each value is taken by its key);
     * then every node must check from {@code stateRoot} ({@link Eip1186ProofVerifier}), so an answer taken at another
     * block is refused unless that block has the same state. A malformed answer is {@code MALFORMED_FIELD} or
     * {@code MISSING_FIELD}, never an exception. Values are kept only when the answer is verified.
     */
    public static ClinicMembership verify(String clinicId, String registry, long block, String stateRoot,
                                          Map<String, Object> answer) {
        Map<String, Object> proof = answer == null ? Map.of() : answer;
        List<String> slots = slotsOf(clinicId);
        String question = "eth_getProof(" + registry + ", the clinic's 3 slots, block " + block + ")";
        List<String> values = new ArrayList<>(Collections.nCopies(slots.size(), (String) null));
        VerificationResult verdict;
        try {
            verdict = answersTheQuestion(question, registry, slots, proof, values);
            if (verdict.verified()) {
                VerificationResult nodes = Eip1186ProofVerifier.verify(Bytes.fromHex(stateRoot), proof);
                verdict = nodes.verified() ? nodes : VerificationResult.rejected(nodes.reason(),
                        question + " against the stateRoot " + stateRoot + " of block " + block + ": "
                                + nodes.subject(), nodes.expected(), nodes.actual());
            }
        } catch (RpcFormatException e) {
            verdict = VerificationResult.rejected(e.reason(), question + " field " + e.field(),
                    "an EIP-1186 proof object", e.getMessage());
        }
        if (!verdict.verified()) {
            Collections.fill(values, null);
        }
        return new ClinicMembership(clinicId, block, stateRoot, verdict, slots, values,
                nodes(proof.get("accountProof")), storageNodes(proof.get("storageProof"), slots));
    }

    /** The answer is for {@code registry} and has exactly one proof per slot; fills {@code values} by slot. */
    private static VerificationResult answersTheQuestion(String question, String registry, List<String> slots,
                                                         Map<String, Object> proof, List<String> values) {
        Bytes asked = Bytes.fromHex(registry);
        Bytes answered = RpcValues.fixed("address", RpcValues.required(proof, "address"), 20);
        if (!answered.equals(asked)) {
            return VerificationResult.rejected(ReasonCode.PROOF_ADDRESS_MISMATCH, question + " address",
                    asked.toHex(), answered.toHex());
        }
        Object storage = proof.get("storageProof");
        if (!(storage instanceof List<?> entries)) {
            return VerificationResult.rejected(ReasonCode.STORAGE_KEYS_MISMATCH, question + " storageProof",
                    "proofs for " + slots, storage == null ? "no storageProof" : "not an array");
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = entry(entries, i);
            String key = RpcValues.fixed("storageProof[" + i + "].key", entry.get("key"), 32).toHex();
            given.add(key);
            int slot = slots.indexOf(key);
            if (slot >= 0) {
                values.set(slot, word(new BigInteger(1, RpcValues.quantity("storageProof[" + i + "].value",
                        RpcValues.required(cast(entry), "value")).toArray())));
            }
        }
        if (!given.stream().sorted().toList().equals(slots.stream().sorted().toList())) {
            return VerificationResult.rejected(ReasonCode.STORAGE_KEYS_MISMATCH, question + " storageProof",
                    "proofs for " + slots, "proofs for " + given);
        }
        return VerificationResult.ok();
    }

    private static Map<?, ?> entry(List<?> entries, int index) {
        if (entries.get(index) instanceof Map<?, ?> entry) {
            return entry;
        }
        throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "storageProof[" + index + "]", "expected an object");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> entry) {
        return (Map<String, ?>) entry;
    }

    /** The proof nodes as sent, for display (whatever the verdict; nothing that is not a list is shown). */
    private static List<String> nodes(Object raw) {
        List<String> nodes = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.forEach(n -> nodes.add(String.valueOf(n)));
        }
        return nodes;
    }

    /** Per slot asked, the storage proof nodes the answer gives for it (empty where it gives none). */
    private static List<List<String>> storageNodes(Object raw, List<String> slots) {
        List<List<String>> result = new ArrayList<>();
        slots.forEach(s -> result.add(List.of()));
        if (raw instanceof List<?> entries) {
            for (Object e : entries) {
                if (e instanceof Map<?, ?> entry && entry.get("key") instanceof String key
                        && key.length() == 66 && slots.contains(key.toLowerCase(Locale.ROOT))) {
                    result.set(slots.indexOf(key.toLowerCase(Locale.ROOT)), nodes(entry.get("proof")));
                }
            }
        }
        return result;
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

    /** The ConsortiumRegistry.Jurisdiction of the entry in words ({@link EventVocabulary#JURISDICTION}). */
    public String jurisdiction() {
        return EventVocabulary.JURISDICTION.nameOf(jurisdictionCode());
    }

    /** The raw Jurisdiction code of the entry. */
    public int jurisdictionCode() {
        return slot0()[29] & 0xFF;
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
