package org.custos.reports.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.custos.reports.model.Report;

/** The first page: title, what kind of document it is, who issues it to whom, when, and the evidence hash. */
final class TitlePage {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TitlePage() {
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
        canvas.down(10);
        new KeyValueBlock()
                .mono("Report id", report.header().reportId())
                .add("Issued by", report.header().issuer())
                .add("Addressed to", report.header().audience())
                .add("Generated", UTC.format(generated))
                .add("Evidence", "embedded file evidence.json (custos-evidence/1), "
                        + report.evidence().json().length + " bytes")
                .draw(canvas);
        EvidenceSection.hashLine(canvas, report.evidence());
        canvas.down(16);
        canvas.paragraph(canvas.fonts.regular, 8.5f, Colours.MUTED, "This document is PDF/A-3b. The evidence it "
                + "relies on is embedded as an associated file; its SHA-256 above must equal the hash of the "
                + "embedded file. A signed copy is valid only if its PAdES signature covers the whole file: check it "
                + "with Custos's verify-report command (docs/reports.md), which also re-verifies the evidence.");
    }
}
