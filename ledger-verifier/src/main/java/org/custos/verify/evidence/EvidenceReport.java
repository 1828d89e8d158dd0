package org.custos.verify.evidence;

import org.custos.verify.VerificationResult;

/**
 * The outcome of re-verifying a transcript. When {@code result} is rejected, {@code block} (may be null for checks
 * not tied to one block) and {@code check} name the first failure; counters say how much was verified before it.
 *
 * @param scope what the chain check proves (e.g. "no finality proof: hash chain only")
 */
public record EvidenceReport(VerificationResult result, String check, Long block, int blocks, int transactions,
                             int receipts, int events, int stateProofs, int merkleProofs, String scope) {

    public boolean verified() {
        return result.verified();
    }

    @Override
    public String toString() {
        String counts = blocks + " blocks, " + transactions + " transactions, " + receipts + " receipts, " + events
                + " events, " + stateProofs + " state proofs, " + merkleProofs + " Merkle proofs";
        if (verified()) {
            return "VERIFIED " + counts + " (" + scope + ")";
        }
        return "FAILED at " + (block == null ? "transcript" : "block " + block) + ", check " + check + ": "
                + result.reason() + " (" + result.subject() + ")\n  expected: " + result.expected()
                + "\n  actual:   " + result.actual() + "\n  verified before the failure: " + counts;
    }
}
