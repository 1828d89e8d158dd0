package org.custos.verify.consensus;

import java.util.Objects;
import org.custos.verify.VerificationResult;

/**
 * The verdict on a chain segment: the result (the first failure, with block number, check and expected/actual
 * values) and, in words, what a success proves.
 *
 * @param result          verified, or the first rejection
 * @param finalityChecked true when consensus seals were checked (BFT quorum or Clique signer), false for
 *                        hash chain only
 * @param scope           what was checked, e.g. {@link SealedChainVerifier#HASH_CHAIN_ONLY}
 */
public record SegmentVerdict(VerificationResult result, boolean finalityChecked, String scope) {

    public SegmentVerdict {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(scope, "scope");
    }

    public boolean verified() {
        return result.verified();
    }
}
