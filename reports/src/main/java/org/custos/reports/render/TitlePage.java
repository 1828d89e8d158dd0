package org.custos.reports.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.IssueNotes;
import org.custos.reports.model.Report;

/**
 * The first page: title, what kind of document it is, what it could not verify (when the issuer gave notes), who
 * issues it to whom at whose request, when, the portal's audit-trail head, and the evidence hash.
 */
final class TitlePage {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static final String READ_FIRST = "Read first: what this report could not verify";
    static final String NO_CAVEATS = "No caveats: when this report was issued no integrity alert was open, the "
            + "portal's ledger sync was not behind the node, and every rule could run.";
    static final String PREPARED_AT_REQUEST = "Prepared at the clinic's request. This is not the regulator's "
            + "assessment.";

    private TitlePage() {
    }

    /** "Portal audit trail at issue: N entries, head 0x…" in two lines (the head does not fit on the first). */
    private static void trailHead(ReportCanvas canvas, IssueNotes notes) {
        canvas.ensure(30);
        canvas.down(12);
        canvas.text(canvas.fonts.mono, 8.5f, Colours.TEXT, canvas.left(), canvas.y(),
                "Portal audit trail at issue: " + notes.trailEntries() + " entries,");
        canvas.down(11);
        canvas.text(canvas.fonts.mono, 8.5f, Colours.TEXT, canvas.left(), canvas.y(), "head " + notes.trailHead());
    }

    static void draw(ReportCanvas canvas, Report report, String kind, String purpose, Instant generated) {
        canvas.newPage();
        canvas.down(40);
        canvas.text(canvas.fonts.bold, 10, Colours.ACCENT, canvas.left(), canvas.y(), "CUSTOS  ·  " + kind);
        canvas.down(12);
        canvas.rule(canvas.left(), canvas.left() + canvas.contentWidth(), canvas.y(), Colours.ACCENT, 1.5f);
        canvas.down(14);
        canvas.paragraph(canvas.fonts.bold, 20, Colours.TEXT, report.title());
        canvas.paragraph(canvas.fonts.regular, 10.5f, Colours.MUTED, purpose);
        IssueNotes notes = report.header().notes();
        if (report instanceof ClinicAuditReport r && r.preparedAtClinicRequest()) {
            NoticeBox.draw(canvas, PREPARED_AT_REQUEST, List.of("Readiness verdict: " + r.readinessVerdict()),
                    Colours.NOTE_FILL, Colours.ACCENT);
        }
        if (notes != null) {
            if (notes.caveats().isEmpty()) {
                NoticeBox.draw(canvas, NO_CAVEATS, List.of(), Colours.NOTE_FILL, Colours.PASS_BAR);
            } else {
                NoticeBox.draw(canvas, READ_FIRST, notes.caveats().stream().map(c -> "•  " + c).toList(),
                        Colours.WARNING_FILL, Colours.WARNING_BAR);
            }
        }
        canvas.down(10);
        KeyValueBlock block = new KeyValueBlock()
                .mono("Report id", report.header().reportId())
                .add("Issued by", report.header().issuer())
                .add("Addressed to", report.header().audience());
        if (notes != null) {
            block.add("Requested by", notes.requestedBy() + " (" + notes.requesterRole() + ")");
        }
        block.add("Generated", UTC.format(generated))
                .add("Evidence", "embedded file evidence.json (custos-evidence/1), "
                        + report.evidence().size() + " bytes")
                .draw(canvas);
        if (notes != null) {
            trailHead(canvas, notes);
        }
        EvidenceSection.hashLine(canvas, report.evidence());
        canvas.down(16);
        canvas.paragraph(canvas.fonts.regular, 8.5f, Colours.MUTED, "This document is PDF/A-3b. The evidence it "
                + "relies on is embedded as an associated file; its SHA-256 above must equal the hash of the "
                + "embedded file. A signed copy is valid only if its PAdES signature covers the whole file: check it "
                + "with Custos's verify-report command (docs/reports.md), which also re-verifies the evidence.");
    }
}
