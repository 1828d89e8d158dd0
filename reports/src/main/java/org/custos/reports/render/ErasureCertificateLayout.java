package org.custos.reports.render;

import java.time.Instant;
import org.custos.reports.model.ErasureCertificate;
import org.custos.reports.model.ErasureCertificate.Anchor;
import org.custos.reports.model.ErasureCertificate.DestroyedKey;
import org.custos.reports.model.ErasureCertificate.KmsReceipt;

/**
 * The erasure certificate (GDPR-ER-01, GDPR-ER-02). The wording follows the catalogue: the outcome is
 * "erasure-equivalent (CNIL 2018 / EDPB 02/2025)"; the certificate never says data was erased from the chain.
 */
final class ErasureCertificateLayout {

    static final String OUTCOME = "erasure-equivalent (CNIL 2018 / EDPB 02/2025)";

    private ErasureCertificateLayout() {
    }

    static void draw(ReportCanvas canvas, ErasureCertificate r, Instant generated) {
        TitlePage.draw(canvas, r, "ERASURE CERTIFICATE", "Certificate for the data-protection officer of "
                + r.clinic() + " on erasure request " + r.requestId() + ".", generated);
        canvas.newPage();
        canvas.heading("Outcome", 60);
        boolean certified = r.certified();
        canvas.paragraph(canvas.fonts.bold, 11, certified ? Colours.TEXT : Colours.ACCENT, certified
                ? "Outcome: " + OUTCOME + "."
                : "Outcome: NOT certified as erasure-equivalent (see the tables below).");
        for (String reason : r.notCertifiedBecause()) {
            canvas.paragraph(canvas.fonts.regular, 10, Colours.ACCENT, "Not certified because: " + reason);
        }
        canvas.paragraph("The ledger keeps only keyed hashes and commitments. Destroying every key registered to the "
                + "data subject makes those records practically inaccessible: this is erasure-equivalent "
                + "(crypto-shredding), not erasure. The records still exist on the chain, in the words of CNIL 2018: "
                + "\"these solutions do not, strictly speaking, result in an erasure of the data\". EDPB conditions "
                + "apply: the keys were not compromised and no salt or backup copy of a key survives (GDPR-ER-02).");
        canvas.heading("Request", 60);
        new KeyValueBlock()
                .add("Clinic", r.clinic())
                .mono("Request", r.requestId())
                .mono("Data subject (pseudonym)", r.subjectPseudonym())
                .add("Received", r.received())
                .add("Deadline (GDPR Art 12(3))", r.deadline())
                .add("Completed", r.completed() == null ? "not completed" : r.completed()
                        + (r.completed().isAfter(r.deadline()) ? " (after the deadline)" : " (within the deadline)"))
                .draw(canvas);
        canvas.heading("Keys destroyed (GDPR-ER-01)", 60);
        Table keys = Table.of("Key id", 2, "Destroyed at", 1.4, "KMS evidence hash", 3.5);
        for (DestroyedKey k : r.keys()) {
            keys.row(Table.Cell.mono(k.keyId()), k.destroyedAt(), Table.Cell.mono(k.kmsEvidenceHash()));
        }
        keys.draw(canvas, "No keys recorded as destroyed.");
        canvas.heading("KMS deletion receipts (GDPR-ER-02)", 60);
        Table receipts = Table.of("Receipt", 1.6, "Key id", 1.8, "Signed by", 2, "Verified", 0.9);
        for (KmsReceipt k : r.receipts()) {
            receipts.row(Table.Cell.mono(k.receiptId()), Table.Cell.mono(k.keyId()), k.signer(),
                    Table.Cell.filled(k.verified() ? "✓ verified" : "✗ not verified", Colours.verdict(k.verified())));
        }
        receipts.draw(canvas, "No receipts.");
        canvas.heading("On-chain anchors", 60);
        Table anchors = Table.of("Block", 0.8, "Transaction", 3.6, "Event", 1.6);
        for (Anchor a : r.anchors()) {
            anchors.row(a.block(), Table.Cell.mono(a.transactionHash()), a.event());
        }
        anchors.draw(canvas, "No anchors.");
        EvidenceSection.appendix(canvas, r.evidence());
    }
}
