package org.custos.verify.evidence;

import java.util.List;
import org.custos.verify.VerificationResult;

/**
 * The outcome of re-verifying a transcript. When {@code result} is rejected, {@code block} and {@code check} name
 * the first failure: the block is the one requested at that position of the range (checkpoint number + index),
 * never a number a header claims; it is null only for checks tied to no block (Merkle proofs, an empty chain).
 * The counters say how much passed before the failure: {@code blocks} counts blocks whose chain link, seal and body
 * all verified.
 *
 * @param scope      what the chain check proves (e.g. "no finality proof: hash chain only")
 * @param headerOnly blocks without a transaction list (their bodies were not checked)
 * @param unproven   members present in the transcript that no root commits to and that were not derived here
 *                   (e.g. {@code transaction.from}): shown, never called verified
 */
public record EvidenceReport(VerificationResult result, String check, Long block, int blocks, int transactions,
                             int receipts, int events, int stateProofs, int merkleProofs, String scope,
                             int headerOnly, List<String> unproven) {

    public EvidenceReport {
        unproven = List.copyOf(unproven);
    }

    public boolean verified() {
        return result.verified();
    }

    @Override
    public String toString() {
        String counts = blocks + " blocks, " + transactions + " transactions, " + receipts + " receipts, " + events
                + " events, " + stateProofs + " state proofs, " + merkleProofs + " Merkle proofs";
        if (headerOnly > 0) {
            counts += " (" + headerOnly + " blocks header only: no transaction list, bodies not checked)";
        }
        if (verified()) {
            return "VERIFIED " + counts + " (" + scope + ")" + (unproven.isEmpty() ? ""
                    : "\n  unproven, not verified (no root commits to them): " + String.join(", ", unproven));
        }
        return "FAILED at " + (block == null ? "transcript" : "block " + block) + ", check " + check + ": "
                + result.reason() + " (" + result.subject() + ")\n  expected: " + result.expected()
                + "\n  actual:   " + result.actual() + "\n  verified before the failure: " + counts;
    }
}
