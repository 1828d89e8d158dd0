package org.custos.reports.render;

import org.custos.reports.model.VerificationSummary;

/** The ledger verification summary shared by the audit and integrity reports. */
final class VerificationBlock {

    private VerificationBlock() {
    }

    static void draw(ReportCanvas canvas, VerificationSummary v) {
        canvas.heading("Ledger verification", 90);
        new KeyValueBlock()
                .add("Blocks verified", v.fromBlock() + " to " + v.toBlock() + " (" + (v.toBlock() - v.fromBlock() + 1)
                        + " blocks)")
                .mono("Pinned checkpoint", "block " + v.fromBlock() + "  " + v.pinnedCheckpoint())
                .mono("Last verified hash", "block " + v.toBlock() + "  " + v.lastVerifiedHash())
                .add("Consensus", v.consensus() + (v.consensus().equals("dev")
                        ? " (no finality proof: hash chain only)" : ""))
                .mono("Validators", v.validators().isEmpty() ? "none pinned" : String.join("\n", v.validators()))
                .add("Verdict", v.verdict())
                .draw(canvas);
    }
}
