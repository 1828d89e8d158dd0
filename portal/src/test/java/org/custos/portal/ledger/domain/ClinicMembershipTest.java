package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.ledger.testing.TestState;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.VerificationResult;
import org.custos.verify.trie.SecureTrie;
import org.custos.verify.trie.TrieEntry;
import org.junit.jupiter.api.Test;

/**
 * The registry membership proof is bound to its question (issue 13 A4): {@code eth_getProof(registry, the clinic's
 * three slots, block N)} verified against block N's stateRoot. Valid proofs that answer another question (another
 * account holding the same slots, the storage proofs emptied, removed, one missing, repeated or added, the state
 * of another block) are refused with the reason and the expected and actual values, and no value is shown from
 * them. The state is built in the test ({@link TestState}; no node runs in a unit test).
 */
class ClinicMembershipTest {

    private static final String CLINIC = "0x" + "c1".repeat(32);
    private static final String REGISTRY = "0x" + "1a".repeat(20);
    /** Another contract whose storage holds the same words at the same slots (a copy of the registry's entry). */
    private static final String COPY = "0x" + "22".repeat(20);
    private static final String WRITER = "0x" + "ab".repeat(20);
    private static final List<String> SLOTS = ClinicMembership.slotsOf(CLINIC);

    /** Slot 0 of the clinic's struct: admitted, suspended, jurisdiction, HIPAA covered, writer (docs/consortium.md). */
    private static BigInteger slot0(boolean suspended) {
        byte[] word = new byte[32];
        word[31] = 1;
        word[30] = (byte) (suspended ? 1 : 0);
        word[29] = 2;
        word[28] = 1;
        System.arraycopy(Bytes.fromHex(WRITER).toArray(), 0, word, 8, 20);
        return new BigInteger(1, word);
    }

    private static Map<String, BigInteger> entry(boolean suspended) {
        Map<String, BigInteger> storage = new LinkedHashMap<>();
        storage.put(SLOTS.get(0), slot0(suspended));
        storage.put(SLOTS.get(1), new BigInteger("c0ffee", 16));
        storage.put(SLOTS.get(2), new BigInteger("beef", 16));
        storage.put("0x" + "00".repeat(31) + "07", BigInteger.TEN);   // another slot of the registry
        return storage;
    }

    /** Block 10: the clinic admitted; block 11: the clinic suspended. */
    private static TestState atBlock(long n) {
        return new TestState().account(REGISTRY, entry(n >= 11)).account(COPY, entry(false))
                .account("0x" + "33".repeat(20), Map.of("0x" + "00".repeat(32), BigInteger.ONE));
    }

    private static ClinicMembership verify(long block, Map<String, Object> proof) {
        return ClinicMembership.verify(CLINIC, REGISTRY, block, atBlock(block).stateRoot(), proof);
    }

    private static Map<String, Object> honest(long block) {
        return atBlock(block).proof(REGISTRY, SLOTS);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> storage(Map<String, Object> proof) {
        return (List<Object>) proof.get("storageProof");
    }

    private static void assertRefused(ClinicMembership m, String reason) {
        VerificationResult v = m.verdict();
        assertThat(v.verified()).as(v.toString()).isFalse();
        assertThat(v.reason().name()).as(v.toString()).isEqualTo(reason);
        assertThat(v.subject()).contains("eth_getProof(" + REGISTRY).contains("block " + m.block());
        assertThat(m.values()).containsOnlyNulls();
    }

    @Test
    void theStateBuiltHereHasTheRootLedgerVerifierComputes() {
        TestState state = new TestState().account(REGISTRY, entry(false));
        Map<String, Object> proof = state.proof(REGISTRY, SLOTS);
        List<TrieEntry> storage = new ArrayList<>();
        entry(false).forEach((k, v) -> storage.add(new TrieEntry(Bytes.fromHex(k).toArray(),
                org.custos.verify.rlp.Rlp.encode(org.custos.verify.rlp.RlpString.ofScalar(v)))));
        assertThat(proof.get("storageHash")).isEqualTo(Bytes.of(SecureTrie.rootHash(storage)).toHex());
        assertThat(Hashes.keccak256(Bytes.fromHex((String) ((List<?>) proof.get("accountProof")).get(0)).toArray()))
                .isEqualTo(Bytes.fromHex(state.stateRoot()).toArray());
    }

    @Test
    void theHonestAnswerIsVerifiedAndRead() {
        ClinicMembership m = verify(10, honest(10));
        assertThat(m.verdict().verified()).as(m.verdict().toString()).isTrue();
        assertThat(m.admitted()).isTrue();
        assertThat(m.suspended()).isFalse();
        assertThat(m.jurisdiction()).isEqualTo("US");
        assertThat(m.hipaaCoveredEntity()).isTrue();
        assertThat(m.writer()).isEqualTo(WRITER);
        assertThat(m.storageProofs()).allSatisfy(nodes -> assertThat(nodes).isNotEmpty());
        assertThat(verify(11, honest(11)).suspended()).isTrue();
    }

    @Test
    void theAnswerIsVerifiedWhateverTheOrderOfItsStorageProofsAndValuesFollowTheirKeys() {
        Map<String, Object> proof = atBlock(10).proof(REGISTRY, List.of(SLOTS.get(2), SLOTS.get(0), SLOTS.get(1)));
        ClinicMembership m = verify(10, proof);
        assertThat(m.verdict().verified()).as(m.verdict().toString()).isTrue();
        assertThat(m.writer()).isEqualTo(WRITER);
        assertThat(m.logSigner()).isEqualTo("0x" + "0".repeat(36) + "beef");
        // the registry address in another case is the same account
        Map<String, Object> checksummed = honest(10);
        checksummed.put("address", REGISTRY.toUpperCase().replace("0X", "0x"));
        assertThat(verify(10, checksummed).verdict().verified()).isTrue();
    }

    @Test
    void aValidProofForAnotherAccountIsRefused() {
        Map<String, Object> other = atBlock(10).proof(COPY, SLOTS);
        assertThat(ClinicMembership.verify(CLINIC, COPY, 10, atBlock(10).stateRoot(), other).verdict().verified())
                .as("the same answer is a valid proof of the other account").isTrue();
        ClinicMembership m = verify(10, other);
        assertRefused(m, "PROOF_ADDRESS_MISMATCH");
        assertThat(m.verdict().expected()).isEqualTo(REGISTRY);
        assertThat(m.verdict().actual()).isEqualTo(COPY);
    }

    @Test
    void storageProofsEmptiedOrRemovedAreRefused() {
        Map<String, Object> emptied = honest(10);
        emptied.put("storageProof", List.of());
        ClinicMembership e = verify(10, emptied);
        assertRefused(e, "STORAGE_KEYS_MISMATCH");
        assertThat(e.verdict().expected()).isEqualTo("proofs for " + SLOTS);
        assertThat(e.verdict().actual()).isEqualTo("proofs for []");

        Map<String, Object> removed = honest(10);
        removed.remove("storageProof");
        ClinicMembership r = verify(10, removed);
        assertRefused(r, "STORAGE_KEYS_MISMATCH");
        assertThat(r.verdict().actual()).isEqualTo("no storageProof");

        Map<String, Object> notAList = honest(10);
        notAList.put("storageProof", Map.of());
        assertRefused(verify(10, notAList), "STORAGE_KEYS_MISMATCH");
    }

    @Test
    void aMissingARepeatedOrAnAddedStorageProofIsRefused() {
        Map<String, Object> missing = honest(10);
        storage(missing).remove(1);
        ClinicMembership m = verify(10, missing);
        assertRefused(m, "STORAGE_KEYS_MISMATCH");
        assertThat(m.verdict().actual()).isEqualTo("proofs for " + List.of(SLOTS.get(0), SLOTS.get(2)));

        Map<String, Object> repeated = honest(10);
        storage(repeated).set(1, storage(repeated).get(2));
        assertRefused(verify(10, repeated), "STORAGE_KEYS_MISMATCH");

        // one valid proof too many: slot 7 of the registry, which was not asked
        List<String> more = new ArrayList<>(SLOTS);
        more.add("0x" + "00".repeat(31) + "07");
        Map<String, Object> extra = atBlock(10).proof(REGISTRY, more);
        ClinicMembership x = verify(10, extra);
        assertRefused(x, "STORAGE_KEYS_MISMATCH");
        assertThat(x.verdict().actual()).isEqualTo("proofs for " + more);
    }

    @Test
    void anAnswerFromAnotherBlockIsRefused() {
        assertThat(atBlock(10).stateRoot()).isNotEqualTo(atBlock(11).stateRoot());
        // the node hides the suspension of block 11 by answering from block 10
        ClinicMembership stale = ClinicMembership.verify(CLINIC, REGISTRY, 11, atBlock(11).stateRoot(), honest(10));
        assertRefused(stale, "PROOF_NODE_HASH_MISMATCH");
        assertThat(stale.verdict().subject()).contains("stateRoot " + atBlock(11).stateRoot() + " of block 11");
        assertThat(stale.verdict().expected()).isEqualTo(atBlock(11).stateRoot());
        assertThat(stale.verdict().actual()).isEqualTo(atBlock(10).stateRoot());
        // and the other way round
        assertRefused(ClinicMembership.verify(CLINIC, REGISTRY, 10, atBlock(10).stateRoot(), honest(11)),
                "PROOF_NODE_HASH_MISMATCH");
    }

    @Test
    void aMalformedAnswerIsRefusedWithItsReasonNotAnException() {
        Map<String, Object> noAddress = honest(10);
        noAddress.remove("address");
        assertRefused(verify(10, noAddress), "MISSING_FIELD");

        Map<String, Object> shortAddress = honest(10);
        shortAddress.put("address", "0x1111");
        assertRefused(verify(10, shortAddress), "MALFORMED_FIELD");

        Map<String, Object> nullEntry = honest(10);
        storage(nullEntry).set(0, null);
        assertRefused(verify(10, nullEntry), "MALFORMED_FIELD");

        Map<String, Object> numberKey = honest(10);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) storage(numberKey).get(0);
        first.put("key", 5);
        assertRefused(verify(10, numberKey), "MALFORMED_FIELD");

        Map<String, Object> badValue = honest(10);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) storage(badValue).get(1);
        second.put("value", "0xzz");
        assertRefused(verify(10, badValue), "MALFORMED_FIELD");

        Map<String, Object> badNodes = honest(10);
        badNodes.put("accountProof", "0x00");
        assertRefused(verify(10, badNodes), "MALFORMED_FIELD");

        assertRefused(verify(10, null), "MISSING_FIELD");
        assertRefused(verify(10, Map.of()), "MISSING_FIELD");
    }

    @Test
    void aForgedValueIsRefused() {
        Map<String, Object> forged = honest(11);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) storage(forged).get(0);
        first.put("value", "0x" + slot0(false).toString(16));   // "not suspended"
        ClinicMembership m = verify(11, forged);
        assertThat(m.verdict().verified()).isFalse();
        assertThat(m.values()).containsOnlyNulls();
    }
}
