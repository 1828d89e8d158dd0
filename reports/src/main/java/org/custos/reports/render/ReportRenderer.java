package org.custos.reports.render;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.DisclosureAccounting;
import org.custos.reports.model.ErasureCertificate;
import org.custos.reports.model.Report;

/** Renders any report type to PDF/A-3b bytes. The generation time is read from the injected clock. */
public final class ReportRenderer {

    private final Clock clock;

    public ReportRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public byte[] render(Report report) {
        Objects.requireNonNull(report, "report");
        Instant now = clock.instant();
        return PdfaDocument.write(report.header().reportId(), report.title(), report.header().issuer(), now,
                report.evidence(), canvas -> draw(canvas, report, now));
    }

    private static void draw(ReportCanvas canvas, Report report, Instant now) {
        if (report instanceof ClinicAuditReport r) {
            ClinicAuditLayout.draw(canvas, r, now);
        } else if (report instanceof ConsortiumIntegrityReport r) {
            ConsortiumIntegrityLayout.draw(canvas, r, now);
        } else if (report instanceof ErasureCertificate r) {
            ErasureCertificateLayout.draw(canvas, r, now);
        } else if (report instanceof DisclosureAccounting r) {
            DisclosureAccountingLayout.draw(canvas, r, now);
        } else {
            throw new IllegalArgumentException("unknown report type " + report.getClass().getName());
        }
    }
}
