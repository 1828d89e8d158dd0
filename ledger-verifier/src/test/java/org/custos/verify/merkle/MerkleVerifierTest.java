package org.custos.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.junit.jupiter.api.Test;

/** Reason codes and preconditions, one rule per test. */
class MerkleVerifierTest {

    private static final List<byte[]> LEAVES = List.of(
            MerkleTree.leafHash(new byte[] {1}), MerkleTree.leafHash(new byte[] {2}),
            MerkleTree.leafHash(new byte[] {3}));
    private static final byte[] ROOT = MerkleTree.rootHash(LEAVES);

    @Test
    void indexOutsideTreeIsRejected() {
        VerificationResult result = InclusionProofVerifier.verifyInclusion(3, 3, LEAVES.get(0), List.of(), ROOT);
        assertThat(result.reason()).isEqualTo(ReasonCode.INDEX_OUT_OF_RANGE);
        assertThat(result.actual()).isEqualTo("3");
    }

    @Test
    void proofOfWrongLengthIsRejectedBeforeHashing() {
        List<byte[]> proof = MerkleTree.inclusionProof(LEAVES, 0);
        VerificationResult result = InclusionProofVerifier.verifyInclusion(0, 3, LEAVES.get(0),
                proof.subList(0, 1), ROOT);
        assertThat(result.reason()).isEqualTo(ReasonCode.PROOF_LENGTH_MISMATCH);
        assertThat(result.expected()).isEqualTo("2");
        assertThatThrownBy(() -> InclusionProofVerifier.rootFromInclusionProof(0, 3, LEAVES.get(0),
                proof.subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootMismatchCarriesBothRoots() {
        List<byte[]> proof = MerkleTree.inclusionProof(LEAVES, 2);
        byte[] otherRoot = MerkleTree.rootHash(LEAVES.subList(0, 2));
        VerificationResult result = InclusionProofVerifier.verifyInclusion(2, 3, LEAVES.get(2), proof, otherRoot);
        assertThat(result.reason()).isEqualTo(ReasonCode.ROOT_MISMATCH);
        assertThat(result.expected()).isEqualTo(org.custos.verify.Hex.encodePrefixed(otherRoot));
        assertThat(result.actual()).isEqualTo(org.custos.verify.Hex.encodePrefixed(ROOT));
    }

    @Test
    void consistencyFromEmptyTreeIsRejectedByPolicy() {
        VerificationResult result = ConsistencyProofVerifier.verifyConsistency(0, 3, MerkleTree.emptyRoot(),
                ROOT, List.of());
        assertThat(result.reason()).isEqualTo(ReasonCode.EMPTY_FIRST_TREE);
    }

    @Test
    void consistencyWithShrinkingTreeIsRejected() {
        assertThat(ConsistencyProofVerifier.verifyConsistency(3, 2, ROOT, ROOT, List.of()).reason())
                .isEqualTo(ReasonCode.SIZE_ORDER_INVALID);
    }

    @Test
    void consistencyDetectsRewrittenHistory() {
        byte[] root2 = MerkleTree.rootHash(LEAVES);
        byte[] forgedRoot1 = MerkleTree.rootHash(List.of(LEAVES.get(1), LEAVES.get(0)));
        List<byte[]> proof = MerkleTree.consistencyProof(LEAVES, 2);
        assertThat(ConsistencyProofVerifier.verifyConsistency(2, 3, forgedRoot1, root2, proof).verified()).isFalse();
        assertThat(ConsistencyProofVerifier.verifyConsistency(2, 3, MerkleTree.rootHash(LEAVES.subList(0, 2)),
                root2, proof).verified()).isTrue();
    }

    @Test
    void shortHashIsRejected() {
        assertThat(InclusionProofVerifier.verifyInclusion(0, 1, new byte[31], List.of(), ROOT).reason())
                .isEqualTo(ReasonCode.HASH_LENGTH_INVALID);
    }
}
