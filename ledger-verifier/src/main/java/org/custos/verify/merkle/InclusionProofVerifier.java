package org.custos.verify.merkle;

import java.util.List;
import java.util.Optional;
import org.custos.verify.Hex;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;

/**
 * RFC 9162 §2.1.3.2: verifies that a leaf hash is in a tree of a given size and root. Compute
 * ({@link #rootFromInclusionProof}) and compare ({@link #verifyInclusion}) are separate.
 */
public final class InclusionProofVerifier {

    private InclusionProofVerifier() {
    }

    /**
     * Verifies an inclusion proof (RFC 9162 §2.1.3.2).
     *
     * <p>Checked first, each a rejection: {@code 0 <= leafIndex < treeSize} ({@code INDEX_OUT_OF_RANGE}), every
     * hash 32 bytes ({@code HASH_LENGTH_INVALID}), the proof exactly as long as the sizes require
     * ({@code PROOF_LENGTH_MISMATCH}). Then the recomputed root must equal {@code root} ({@code ROOT_MISMATCH}).
     *
     * @param leafHash the leaf hash SHA-256(0x00 || entry), not the entry
     */
    public static VerificationResult verifyInclusion(long leafIndex, long treeSize, byte[] leafHash,
                                                     List<byte[]> proof, byte[] root) {
        Optional<VerificationResult> rejection = checkPreconditions(leafIndex, treeSize, leafHash, proof, root);
        if (rejection.isPresent()) {
            return rejection.get();
        }
        byte[] calculated = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
        return Hex.sameBytes(calculated, root) ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.ROOT_MISMATCH, "root", root, calculated);
    }

    /**
     * Recomputes the root from an inclusion proof (RFC 9162 §2.1.3.2 steps 1-4).
     *
     * @throws IllegalArgumentException if the preconditions of {@link #verifyInclusion} do not hold
     */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash,
                                                List<byte[]> proof) {
        if (checkPreconditions(leafIndex, treeSize, leafHash, proof, leafHash).isPresent()) {
            throw new IllegalArgumentException("inclusion proof does not fit leaf " + leafIndex
                    + " of a tree of size " + treeSize);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return r;
    }

    private static Optional<VerificationResult> checkPreconditions(long leafIndex, long treeSize, byte[] leafHash,
                                                                   List<byte[]> proof, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return Optional.of(VerificationResult.rejected(ReasonCode.INDEX_OUT_OF_RANGE, "leaf index",
                    "0 <= index < " + treeSize, Long.toString(leafIndex)));
        }
        Optional<VerificationResult> digests = ProofShape.checkDigests("leaf hash or root", proof, leafHash, root);
        if (digests.isPresent()) {
            return digests;
        }
        return ProofShape.checkLength(proof, ProofShape.inclusionPathLength(leafIndex, treeSize));
    }
}
