package org.custos.verify.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.Rlp;
import org.junit.jupiter.api.Test;

/**
 * Proofs generated from random tries (fixed seed) by the test-scope {@link ProofBuilder}: every present key
 * proves its value, every absent key proves absence (empty branch slot or diverging leaf/extension), and
 * structural damage is rejected with its reason code.
 */
class TrieProofTest {

    private final Random random = new Random(1186);

    @Test
    void secureTriesProveEveryPresentAndAbsentKey() {
        for (int round = 0; round < 60; round++) {
            List<TrieEntry> entries = randomEntries(1 + random.nextInt(200), 32, 1 + random.nextInt(40));
            checkAll(entries, 32);
        }
    }

    @Test
    void shortKeysAndValuesUseInlineNodes() {
        int inlineSeen = 0;
        for (int round = 0; round < 200; round++) {
            List<TrieEntry> entries = randomEntries(2 + random.nextInt(40), 2, 1);
            checkAll(entries, 2);
            byte[] root = PatriciaTrie.rootHash(entries);
            for (TrieEntry e : entries) {
                if (hasInlineChild(ProofBuilder.proof(entries, e.key()))) {
                    inlineSeen++;
                }
            }
            assertThat(root).hasSize(32);
        }
        assertThat(inlineSeen).as("cases where the leaf was inlined in its parent").isPositive();
    }

    @Test
    void emptyTrieProvesAbsenceWithTheEmptyProof() {
        assertThat(TrieProof.valueFromProof(PatriciaTrie.EMPTY_ROOT, new byte[32], List.of()).absent()).isTrue();
        byte[] emptyNode = Rlp.encodeBytes(new byte[0]);
        assertThat(TrieProof.valueFromProof(PatriciaTrie.EMPTY_ROOT, new byte[32], List.of(emptyNode)).absent())
                .isTrue();
        assertThat(TrieProof.valueFromProof(PatriciaTrie.EMPTY_ROOT, new byte[32], List.of(emptyNode, emptyNode))
                .failure().reason()).isEqualTo(ReasonCode.PROOF_NODE_SURPLUS);
        assertThat(TrieProof.valueFromProof(new byte[32], new byte[32], List.of()).failure().reason())
                .isEqualTo(ReasonCode.PROOF_NODE_MISSING);
    }

    @Test
    void damagedProofsAreRejected() {
        List<TrieEntry> entries = randomEntries(300, 32, 33);
        byte[] root = PatriciaTrie.rootHash(entries);
        byte[] key = entries.get(7).key();
        List<byte[]> proof = ProofBuilder.proof(entries, key);
        assertThat(proof.size()).isGreaterThanOrEqualTo(3);

        List<byte[]> dropped = new ArrayList<>(proof);
        dropped.remove(proof.size() - 1);
        assertThat(reason(root, key, dropped)).isEqualTo(ReasonCode.PROOF_NODE_MISSING);

        List<byte[]> middleDropped = new ArrayList<>(proof);
        middleDropped.remove(1);
        assertThat(reason(root, key, middleDropped)).isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);

        List<byte[]> extra = new ArrayList<>(proof);
        extra.add(proof.get(proof.size() - 1));
        assertThat(reason(root, key, extra)).isEqualTo(ReasonCode.PROOF_NODE_SURPLUS);

        for (int n = 0; n < proof.size(); n++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] node = proof.get(n).clone();
            node[node.length / 2] ^= 0x01;
            flipped.set(n, node);
            assertThat(reason(root, key, flipped)).as("bit flip in node " + n)
                    .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        }

        byte[] notAList = Rlp.encodeBytes(new byte[40]);
        assertThat(reason(Hashes.keccak256(notAList), key, List.of(notAList)))
                .isEqualTo(ReasonCode.MALFORMED_PROOF_NODE);
    }

    private void checkAll(List<TrieEntry> entries, int keyLength) {
        byte[] root = PatriciaTrie.rootHash(entries);
        for (TrieEntry e : entries) {
            TrieProof.Outcome outcome = TrieProof.valueFromProof(root, e.key(), ProofBuilder.proof(entries, e.key()));
            assertThat(outcome.proven()).as(String.valueOf(outcome.failure())).isTrue();
            assertThat(outcome.value()).isEqualTo(Bytes.of(e.value()));
        }
        Set<Bytes> keys = new HashSet<>();
        entries.forEach(e -> keys.add(Bytes.of(e.key())));
        for (int n = 0; n < 20; n++) {
            byte[] absent = new byte[keyLength];
            random.nextBytes(absent);
            if (keys.contains(Bytes.of(absent))) {
                continue;
            }
            TrieProof.Outcome outcome = TrieProof.valueFromProof(root, absent, ProofBuilder.proof(entries, absent));
            assertThat(outcome.absent()).as(String.valueOf(outcome.failure())).isTrue();
        }
    }

    private static boolean hasInlineChild(List<byte[]> proof) {
        for (byte[] node : proof) {
            for (org.custos.verify.rlp.RlpItem child : ((org.custos.verify.rlp.RlpList) Rlp.decode(node)).items()) {
                if (child instanceof org.custos.verify.rlp.RlpList) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<TrieEntry> randomEntries(int count, int keyLength, int valueLength) {
        Set<Bytes> seen = new HashSet<>();
        List<TrieEntry> entries = new ArrayList<>();
        while (entries.size() < count) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            byte[] value = new byte[valueLength];
            random.nextBytes(value);
            value[0] |= 1;
            if (seen.add(Bytes.of(key))) {
                entries.add(new TrieEntry(key, value));
            }
        }
        return entries;
    }

    private static ReasonCode reason(byte[] root, byte[] key, List<byte[]> proof) {
        TrieProof.Outcome outcome = TrieProof.valueFromProof(root, key, proof);
        return outcome.proven() ? null : outcome.failure().reason();
    }
}
