package org.custos.verify.merkle;

import java.util.List;
import java.util.Optional;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;

/** Precondition checks shared by the two proof verifiers: digest lengths and the expected proof length. */
final class ProofShape {

    private ProofShape() {
    }

    /** Rejects the first value that is not a 32-byte digest. */
    static Optional<VerificationResult> checkDigests(String subject, List<byte[]> proof, byte[]... hashes) {
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != Hashes.DIGEST_LENGTH) {
                return Optional.of(lengthRejection(subject, hash));
            }
        }
        for (int i = 0; i < proof.size(); i++) {
            byte[] hash = proof.get(i);
            if (hash == null || hash.length != Hashes.DIGEST_LENGTH) {
                return Optional.of(lengthRejection("proof[" + i + "]", hash));
            }
        }
        return Optional.empty();
    }

    /** Rejects a proof whose length differs from {@code expected}. */
    static Optional<VerificationResult> checkLength(List<byte[]> proof, int expected) {
        if (proof.size() == expected) {
            return Optional.empty();
        }
        return Optional.of(VerificationResult.rejected(ReasonCode.PROOF_LENGTH_MISMATCH, "proof length",
                Integer.toString(expected), Integer.toString(proof.size())));
    }

    /** Length of PATH(m, D[n]) (RFC 9162 §2.1.3.1); precondition {@code 0 <= m < n}. */
    static int inclusionPathLength(long m, long n) {
        int length = 0;
        while (n > 1) {
            long k = MerkleTree.largestPowerOfTwoBelow(n);
            if (m < k) {
                n = k;
            } else {
                m -= k;
                n -= k;
            }
            length++;
        }
        return length;
    }

    /** Length of PROOF(m, D[n]) (RFC 9162 §2.1.4.1); precondition {@code 0 < m <= n}. */
    static int consistencyProofLength(long m, long n) {
        int length = 0;
        boolean complete = true;
        while (m != n) {
            long k = MerkleTree.largestPowerOfTwoBelow(n);
            if (m <= k) {
                n = k;
            } else {
                m -= k;
                n -= k;
                complete = false;
            }
            length++;
        }
        return complete ? length : length + 1;
    }

    private static VerificationResult lengthRejection(String subject, byte[] hash) {
        return VerificationResult.rejected(ReasonCode.HASH_LENGTH_INVALID, subject,
                Hashes.DIGEST_LENGTH + " bytes", hash == null ? "null" : hash.length + " bytes");
    }
}
