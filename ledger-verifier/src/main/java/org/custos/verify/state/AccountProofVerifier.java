package org.custos.verify.state;

import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.rlp.MalformedRlpException;
import org.custos.verify.trie.TrieProof;

/**
 * EIP-1186 account proofs: the state trie (Yellow Paper §4.1, a secure trie: key KEC(address)) under a verified
 * header's stateRoot either holds exactly the claimed account, or holds nothing for the address.
 */
public final class AccountProofVerifier {

    private AccountProofVerifier() {
    }

    /**
     * The account the proof proves for {@code address} (20 bytes) under {@code stateRoot}: present
     * ({@code value} = its RLP), absent ({@code value == null}), or a failure.
     */
    public static TrieProof.Outcome valueFromProof(Bytes stateRoot, Bytes address, List<byte[]> accountProof) {
        if (address.length() != 20) {
            throw new IllegalArgumentException("address must be 20 bytes, got " + address.length());
        }
        return TrieProof.valueFromProof(stateRoot.toArray(), Hashes.keccak256(address.toArray()), accountProof);
    }

    /**
     * The proof proves {@code claimed} for {@code address}. A claim equal to {@link Account#EMPTY} is accepted
     * when the proof proves absence (that is how {@code eth_getProof} reports an absent account) or the empty
     * account itself. Rejections: the proof's own failure, {@code CLAIMED_PRESENT_BUT_ABSENT},
     * {@code PROOF_VALUE_MISMATCH} (with both RLP encodings), {@code MALFORMED_PROOF_NODE} for a leaf that is no
     * account.
     */
    public static VerificationResult verify(Bytes stateRoot, Bytes address, Account claimed,
                                            List<byte[]> accountProof) {
        TrieProof.Outcome outcome = valueFromProof(stateRoot, address, accountProof);
        if (!outcome.proven()) {
            return outcome.failure();
        }
        String subject = "account " + address;
        if (outcome.absent()) {
            return claimed.equals(Account.EMPTY) ? VerificationResult.ok()
                    : VerificationResult.rejected(ReasonCode.CLAIMED_PRESENT_BUT_ABSENT, subject,
                    Bytes.of(claimed.rlp()).toHex(), "absent");
        }
        Account proven;
        try {
            proven = Account.fromRlp(outcome.value().toArray());
        } catch (MalformedRlpException e) {
            return VerificationResult.rejected(ReasonCode.MALFORMED_PROOF_NODE, subject, "an account leaf",
                    outcome.value().toHex());
        }
        return proven.equals(claimed) ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.PROOF_VALUE_MISMATCH, subject,
                Bytes.of(claimed.rlp()).toHex(), outcome.value().toHex());
    }

    /** The proof proves that {@code address} has no account ({@code CLAIMED_ABSENT_BUT_PRESENT} otherwise). */
    public static VerificationResult verifyAbsent(Bytes stateRoot, Bytes address, List<byte[]> accountProof) {
        TrieProof.Outcome outcome = valueFromProof(stateRoot, address, accountProof);
        if (!outcome.proven()) {
            return outcome.failure();
        }
        return outcome.absent() ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.CLAIMED_ABSENT_BUT_PRESENT, "account " + address,
                "absent", outcome.value().toHex());
    }
}
