package org.custos.verify.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.verify.Hex;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;

/**
 * RFC 9162 §2.1.4.2: verifies that a tree of {@code size2} leaves extends a tree of {@code size1} leaves.
 * Compute ({@link #rootsFromConsistencyProof}) and compare ({@link #verifyConsistency}) are separate.
 *
 * <p><b>Policy beyond the RFC:</b> RFC 9162 defines consistency proofs only for {@code 0 < size1 < size2}.
 * Like transparency-dev/merkle, this verifier accepts {@code size1 == size2} (empty proof, equal roots) and
 * <em>rejects {@code size1 == 0}</em> ({@code EMPTY_FIRST_TREE}): every tree extends the empty tree, so such a
 * "proof" proves nothing and accepting it would only hide a caller's mistake.
 */
public final class ConsistencyProofVerifier {

    private ConsistencyProofVerifier() {
    }

    /**
     * Verifies a consistency proof (RFC 9162 §2.1.4.2).
     *
     * <p>Checked first, each a rejection: {@code size1 <= size2} ({@code SIZE_ORDER_INVALID}), {@code size1 > 0}
     * ({@code EMPTY_FIRST_TREE}), every hash 32 bytes ({@code HASH_LENGTH_INVALID}), the proof exactly as long
     * as the sizes require ({@code PROOF_LENGTH_MISMATCH}). For equal non-zero sizes only an empty proof and
     * byte-equal roots are checked ({@code ROOT_MISMATCH}; lengths are not, as in transparency-dev); otherwise
     * both recomputed roots must match ({@code FIRST_ROOT_MISMATCH}, {@code SECOND_ROOT_MISMATCH}).
     */
    public static VerificationResult verifyConsistency(long size1, long size2, byte[] root1, byte[] root2,
                                                       List<byte[]> proof) {
        if (size1 == size2 && size1 > 0) {
            return verifySameSize(root1, root2, proof);
        }
        Optional<VerificationResult> rejection = checkPreconditions(size1, size2, root1, root2, proof);
        if (rejection.isPresent()) {
            return rejection.get();
        }
        ConsistencyRoots calculated = rootsFromConsistencyProof(size1, size2, root1, proof);
        if (!Hex.sameBytes(calculated.first(), root1)) {
            return VerificationResult.rejected(ReasonCode.FIRST_ROOT_MISMATCH, "root1", root1, calculated.first());
        }
        if (!Hex.sameBytes(calculated.second(), root2)) {
            return VerificationResult.rejected(ReasonCode.SECOND_ROOT_MISMATCH, "root2", root2, calculated.second());
        }
        return VerificationResult.ok();
    }

    /**
     * Recomputes both roots from a consistency proof (RFC 9162 §2.1.4.2 steps 1-6). {@code root1} is used only
     * as the first path element when {@code size1} is a power of two (step 2).
     *
     * @throws IllegalArgumentException unless {@code 0 < size1 < size2}, all hashes are 32 bytes and the proof
     *                                  has the length the sizes require
     */
    public static ConsistencyRoots rootsFromConsistencyProof(long size1, long size2, byte[] root1,
                                                             List<byte[]> proof) {
        if (size1 == size2 || checkPreconditions(size1, size2, root1, root1, proof).isPresent()) {
            throw new IllegalArgumentException("consistency proof does not fit sizes " + size1 + " -> " + size2);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return new ConsistencyRoots(fr, sr);
    }

    /** Equal non-zero sizes: the proof must be empty and the roots byte-for-byte equal (whatever their length). */
    private static VerificationResult verifySameSize(byte[] root1, byte[] root2, List<byte[]> proof) {
        if (!proof.isEmpty()) {
            return VerificationResult.rejected(ReasonCode.PROOF_LENGTH_MISMATCH, "proof length", "0",
                    Integer.toString(proof.size()));
        }
        return Hex.sameBytes(root1, root2) ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.ROOT_MISMATCH, "roots of equal-size trees", root1, root2);
    }

    private static Optional<VerificationResult> checkPreconditions(long size1, long size2, byte[] root1,
                                                                   byte[] root2, List<byte[]> proof) {
        if (size1 > size2 || size1 < 0) {
            return Optional.of(VerificationResult.rejected(ReasonCode.SIZE_ORDER_INVALID, "sizes",
                    "0 <= size1 <= size2", size1 + " > " + size2));
        }
        if (size1 == 0) {
            return Optional.of(VerificationResult.rejected(ReasonCode.EMPTY_FIRST_TREE, "size1",
                    "size1 > 0", "0"));
        }
        Optional<VerificationResult> digests = ProofShape.checkDigests("root1 or root2", proof, root1, root2);
        if (digests.isPresent()) {
            return digests;
        }
        return ProofShape.checkLength(proof, ProofShape.consistencyProofLength(size1, size2));
    }
}
