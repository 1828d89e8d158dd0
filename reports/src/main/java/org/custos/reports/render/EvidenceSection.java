package org.custos.reports.render;

import org.custos.reports.model.Evidence;

/** The evidence appendix common to every report type, and the printed hash line the verifier reads back. */
final class EvidenceSection {

    /** The exact prefix of the printed hash line; {@code SignedReportVerifier} looks for it in the page text. */
    static final String HASH_LABEL = "Evidence SHA-256:";

    private EvidenceSection() {
    }

    static void hashLine(ReportCanvas canvas, Evidence evidence) {
        canvas.ensure(16);
        canvas.down(14);
        canvas.text(canvas.fonts.mono, 8.5f, Colours.TEXT, canvas.left(), canvas.y(),
                HASH_LABEL + " " + evidence.sha256Hex());
    }

    static void appendix(ReportCanvas canvas, Evidence evidence) {
        canvas.heading("Evidence appendix", 80);
        new KeyValueBlock()
                .add("File", Evidence.FILE_NAME + " (" + Evidence.MEDIA_TYPE + ", /AFRelationship /Data)")
                .add("Format", "custos-evidence/1 transcript (docs/verification.md)")
                .add("Size", evidence.size() + " bytes")
                .draw(canvas);
        hashLine(canvas, evidence);
        canvas.down(10);
        canvas.paragraph("The transcript holds the block headers, receipts, state and Merkle proofs behind the "
                + "statements above. Every hash in it is recomputed by the verifier; only the chain parameters "
                + "(checkpoint and validator set) are taken on trust and must be compared with values pinned out of "
                + "band. Extract it with `pdfdetach -save 1` or re-verify it with `verify-report FILE --trust CA.pem "
                + "--rpc URL`.");
    }
}
