package org.custos.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.custos.verify.ReasonCode;
import org.junit.jupiter.api.Test;

/** The fast tree and verifiers against {@link ReferenceMerkle} on random trees (fixed seed). */
class MerkleCrossCheckTest {

    private static final long SEED = 9162L;
    /** Longer than any random entry, so never one of them. */
    private static final byte[] NOT_IN_TREE = new byte[64];

    @Test
    void rootsMatchReferenceForAllSizesUpTo70() {
        Random random = new Random(SEED);
        for (int n = 0; n <= 70; n++) {
            List<byte[]> entries = entries(random, n);
            assertThat(MerkleTree.rootHash(leafHashes(entries))).as("size %d", n)
                    .isEqualTo(ReferenceMerkle.mth(entries));
        }
    }

    @Test
    void inclusionProofsMatchReferenceAndVerify() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(130);
            List<byte[]> entries = entries(random, n);
            List<byte[]> leaves = leafHashes(entries);
            byte[] root = ReferenceMerkle.mth(entries);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, m);
                assertThat(proof).as("PATH(%d, D[%d])", m, n)
                        .containsExactlyElementsOf(ReferenceMerkle.path(m, entries));
                assertThat(InclusionProofVerifier.verifyInclusion(m, n, leaves.get(m), proof, root).verified())
                        .isTrue();
                assertThat(InclusionProofVerifier.verifyInclusion(m, n, MerkleTree.leafHash(NOT_IN_TREE), proof,
                        root).reason()).isEqualTo(ReasonCode.ROOT_MISMATCH);
            }
        }
    }

    @Test
    void consistencyProofsMatchReferenceAndVerify() {
        Random random = new Random(SEED + 2);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(130);
            List<byte[]> entries = entries(random, n);
            List<byte[]> leaves = leafHashes(entries);
            byte[] root2 = ReferenceMerkle.mth(entries);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, m);
                byte[] root1 = ReferenceMerkle.mth(entries.subList(0, m));
                if (m < n) {
                    assertThat(proof).as("PROOF(%d, D[%d])", m, n)
                            .containsExactlyElementsOf(ReferenceMerkle.proof(m, entries));
                } else {
                    assertThat(proof).isEmpty();
                }
                assertThat(ConsistencyProofVerifier.verifyConsistency(m, n, root1, root2, proof).verified())
                        .as("PROOF(%d, D[%d])", m, n).isTrue();
            }
        }
    }

    @Test
    void flippingAnyProofBitIsRejected() {
        Random random = new Random(SEED + 3);
        List<byte[]> entries = entries(random, 21);
        List<byte[]> leaves = leafHashes(entries);
        byte[] root = MerkleTree.rootHash(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, 13);
        for (int i = 0; i < proof.size(); i++) {
            for (int bit = 0; bit < 256; bit += 37) {
                List<byte[]> mutated = new ArrayList<>(proof);
                byte[] hash = proof.get(i).clone();
                hash[bit / 8] ^= (byte) (1 << (bit % 8));
                mutated.set(i, hash);
                assertThat(InclusionProofVerifier.verifyInclusion(13, 21, leaves.get(13), mutated, root).reason())
                        .isEqualTo(ReasonCode.ROOT_MISMATCH);
            }
        }
    }

    private static List<byte[]> entries(Random random, int n) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

    private static List<byte[]> leafHashes(List<byte[]> entries) {
        return entries.stream().map(MerkleTree::leafHash).toList();
    }
}
