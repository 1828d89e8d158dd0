package org.custos.verify.state;

import java.math.BigInteger;
import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.rlp.MalformedRlpException;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.trie.TrieProof;

/**
 * EIP-1186 storage proofs: the account's storage trie (secure trie, key KEC(slot), value RLP(scalar); Yellow
 * Paper §4.1) under its verified {@code storageHash} holds the claimed value; zero means the slot is absent.
 */
public final class StorageProofVerifier {

    private StorageProofVerifier() {
    }

    /** What the proof proves for the 32-byte {@code slot}: present (value = RLP(scalar)), absent, or a failure. */
    public static TrieProof.Outcome valueFromProof(Bytes storageHash, Bytes slot, List<byte[]> proof) {
        if (slot.length() != 32) {
            throw new IllegalArgumentException("storage slot must be 32 bytes, got " + slot.length());
        }
        return TrieProof.valueFromProof(storageHash.toArray(), Hashes.keccak256(slot.toArray()), proof);
    }

    /**
     * The slot holds {@code claimed} ({@code >= 0}). Rejections: the proof's own failure,
     * {@code CLAIMED_ABSENT_BUT_PRESENT} (claimed 0, the proof proves a value), {@code CLAIMED_PRESENT_BUT_ABSENT}
     * (claimed non-zero, proven absent), {@code PROOF_VALUE_MISMATCH}, {@code MALFORMED_PROOF_NODE} (a stored
     * value that is not the RLP of a non-zero canonical scalar).
     */
    public static VerificationResult verify(Bytes storageHash, Bytes slot, BigInteger claimed, List<byte[]> proof) {
        TrieProof.Outcome outcome = valueFromProof(storageHash, slot, proof);
        if (!outcome.proven()) {
            return outcome.failure();
        }
        String subject = "slot " + slot;
        if (outcome.absent()) {
            return claimed.signum() == 0 ? VerificationResult.ok()
                    : VerificationResult.rejected(ReasonCode.CLAIMED_PRESENT_BUT_ABSENT, subject,
                    "0x" + claimed.toString(16), "absent");
        }
        BigInteger proven;
        try {
            proven = ((RlpString) Rlp.decode(outcome.value().toArray())).asScalar();
        } catch (MalformedRlpException | ClassCastException e) {
            proven = null;
        }
        if (proven == null || proven.signum() == 0 || proven.bitLength() > 256) {
            return VerificationResult.rejected(ReasonCode.MALFORMED_PROOF_NODE, subject,
                    "RLP of a non-zero 32-byte scalar", outcome.value().toHex());
        }
        if (claimed.signum() == 0) {
            return VerificationResult.rejected(ReasonCode.CLAIMED_ABSENT_BUT_PRESENT, subject, "0x0",
                    "0x" + proven.toString(16));
        }
        return proven.equals(claimed) ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.PROOF_VALUE_MISMATCH, subject, "0x" + claimed.toString(16),
                "0x" + proven.toString(16));
    }
}
