package org.custos.reports.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.DisclosureAccounting;
import org.custos.reports.model.ErasureCertificate;
import org.custos.reports.model.Report;

/**
 * Renders any report type to PDF/A-3b, in memory or to a stream or file (bounded heap for large evidence). The
 * generation time is read from the injected clock.
 */
public final class ReportRenderer {

    private final Clock clock;

    public ReportRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The PDF in memory: for reports whose evidence is small (see {@link #render(Report, Path)} otherwise). */
    public byte[] render(Report report) {
        Objects.requireNonNull(report, "report");
        Instant now = clock.instant();
        return PdfaDocument.write(report.header().reportId(), report.title(), report.header().issuer(), now,
                report.evidence(), canvas -> draw(canvas, report, now));
    }

    /**
     * Writes the PDF to {@code out} (not closed). Large or file-backed evidence ({@code Evidence.ofFile}) passes
     * through scratch files: the heap holds the pages, not the evidence.
     */
    public void render(Report report, OutputStream out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        Instant now = clock.instant();
        PdfaDocument.write(report.header().reportId(), report.title(), report.header().issuer(), now,
                report.evidence(), canvas -> draw(canvas, report, now), out);
    }

    /**
     * Writes the PDF to {@code file} (created or replaced); on any failure the partial file is deleted.
     *
     * @throws IOException when the file cannot be written or the evidence file changed after it was hashed
     */
    public void render(Report report, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            render(report, out);
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(file);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
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
