package org.custos.verify.evidence;

import java.util.List;
import org.custos.verify.VerificationResult;
import org.custos.verify.consensus.ValidatorHistory;

/**
 * The outcome of re-verifying a transcript. When {@code result} is rejected, {@code block} and {@code check} name
 * the first failure: the block is the one requested at that position of the range (checkpoint number + index),
 * never a number a header claims; it is null only for checks tied to no block (Merkle proofs, KMS receipts, an
 * empty chain). The counters say how much passed before the failure: {@code blocks} counts blocks whose chain link,
 * seal and body all verified.
 *
 * @param scope         what the chain check proves (e.g. "no finality proof: hash chain only")
 * @param headerOnly    blocks without a transaction list (their bodies were not checked)
 * @param unproven      members present in the transcript that no root commits to and that were not derived here
 *                      (e.g. {@code transaction.from}): shown, never called verified
 * @param validators    BFT: the validator set at the checkpoint and at the last verified block, with the blocks
 *                      where it changed, as the seal checks replayed it; null for other protocols
 * @param kmsReceipts   KMS deletion receipts verified (version 2)
 * @param anchored      what each anchored RFC 9162 proof is anchored to (version 2)
 * @param notAnchored   RFC 9162 proofs verified only against the root they state (every version 1 proof)
 * @param receiptKeys   per verified KMS receipt: the key, the event, the signer and how its key was bound
 */
public record EvidenceReport(VerificationResult result, String check, Long block, int blocks, int transactions,
                             int receipts, int events, int stateProofs, int merkleProofs, String scope,
                             int headerOnly, List<String> unproven, ValidatorHistory validators, int kmsReceipts,
                             List<String> anchored, List<String> notAnchored, List<String> receiptKeys) {

    public EvidenceReport {
        unproven = List.copyOf(unproven);
        anchored = List.copyOf(anchored);
        notAnchored = List.copyOf(notAnchored);
        receiptKeys = List.copyOf(receiptKeys);
    }

    /** A version 1 report (no validator history, no version 2 checks). */
    public EvidenceReport(VerificationResult result, String check, Long block, int blocks, int transactions,
                          int receipts, int events, int stateProofs, int merkleProofs, String scope, int headerOnly,
                          List<String> unproven) {
        this(result, check, block, blocks, transactions, receipts, events, stateProofs, merkleProofs, scope,
                headerOnly, unproven, null, 0, List.of(), List.of(), List.of());
    }

    public boolean verified() {
        return result.verified();
    }

    @Override
    public String toString() {
        String counts = blocks + " blocks, " + transactions + " transactions, " + receipts + " receipts, " + events
                + " events, " + stateProofs + " state proofs, " + merkleProofs + " Merkle proofs"
                + (kmsReceipts > 0 ? ", " + kmsReceipts + " KMS receipts" : "");
        if (headerOnly > 0) {
            counts += " (" + headerOnly + " blocks header only: no transaction list, bodies not checked)";
        }
        if (verified()) {
            StringBuilder out = new StringBuilder("VERIFIED " + counts + " (" + scope + ")");
            if (!unproven.isEmpty()) {
                out.append("\n  unproven, not verified (no root commits to them): ").append(String.join(", ",
                        unproven));
            }
            if (validators != null) {
                out.append("\n  ").append(validators);
            }
            anchored.forEach(a -> out.append("\n  anchored: ").append(a));
            notAnchored.forEach(a -> out.append("\n  root not anchored: ").append(a));
            receiptKeys.forEach(a -> out.append("\n  KMS receipt: ").append(a));
            return out.toString();
        }
        return "FAILED at " + (block == null ? "transcript" : "block " + block) + ", check " + check + ": "
                + result.reason() + " (" + result.subject() + ")\n  expected: " + result.expected()
                + "\n  actual:   " + result.actual() + "\n  verified before the failure: " + counts
                + (validators == null ? "" : "\n  " + validators);
    }
}
