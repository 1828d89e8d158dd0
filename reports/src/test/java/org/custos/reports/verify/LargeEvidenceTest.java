package org.custos.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.Evidence;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File-backed evidence through render to a file, sign file to file and verify a file: the same verdict and the
 * same embedded bytes as in memory; a changed evidence file or a sign onto itself is refused and leaves no output.
 * (Heap figures come from the benchmark, docs/performance.md, not from this test.)
 */
class LargeEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-04-02T08:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestPki PKI = TestPki.create(NOW, "Large");

    @TempDir
    static Path dir;
    private static Path evidenceFile;

    @BeforeAll
    static void twelveMegabytesOfEvidence() throws IOException {
        evidenceFile = dir.resolve("evidence.json");
        try (OutputStream out = Files.newOutputStream(evidenceFile)) {
            out.write("{\"version\":\"custos-evidence/1\",\"blocks\":[".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                out.write(String.format("%s{\"number\":\"0x%x\",\"hash\":\"0x%064x\",\"pad\":\"%s\"}", i == 0 ? "" : ",",
                        i, (long) i * 0x9E3779B97F4A7C15L, "e".repeat(20)).getBytes(StandardCharsets.US_ASCII));
            }
            out.write("]}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void fileBackedEvidenceIsRenderedSignedAndVerifiedFileToFile() throws IOException {
        Evidence evidence = Evidence.ofFile(evidenceFile);
        assertThat(evidence.size()).isGreaterThan(12_000_000);
        ClinicAuditReport report = SampleReports.clinicAudit(5, evidence);
        Path pdf = dir.resolve("report.pdf");
        Path signed = dir.resolve("report-signed.pdf");
        new ReportRenderer(CLOCK).render(report, pdf);
        new PadesSigner(PKI.credentials(), CLOCK, null).sign(pdf, signed, "Custos compliance report", "Custos");

        ReportVerificationResult result = new SignedReportVerifier(List.of(PKI.ca), CLOCK).verify(signed);
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.facts().level()).isEqualTo("PAdES-B-B");
        assertThat(result.facts().evidenceSha256()).isEqualTo(evidence.sha256Hex());
        assertThat(result.evidenceSize()).isEqualTo(evidence.size());
        try (InputStream embedded = result.evidenceStream(); InputStream original = Files.newInputStream(evidenceFile)) {
            assertThat(embedded.readAllBytes()).isEqualTo(original.readAllBytes());
        }
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }
        // the same report rendered in memory is the same document: the file path changes nothing but the heap
        assertThat(Files.readAllBytes(pdf)).isEqualTo(new ReportRenderer(CLOCK).render(report));
    }

    @Test
    void evidenceChangedBeforeRenderingFailsAndLeavesNoFile() throws IOException {
        Path file = Files.writeString(dir.resolve("changing.json"), "{\"version\":\"custos-evidence/1\"}");
        Evidence evidence = Evidence.ofFile(file);
        Files.writeString(file, "{\"version\":\"custos-evidence/1\",\"x\":1}");
        Path pdf = dir.resolve("changing.pdf");
        assertThatThrownBy(() -> new ReportRenderer(CLOCK).render(SampleReports.clinicAudit(1, evidence), pdf))
                .isInstanceOf(IOException.class).hasMessageContaining("changed after it was hashed");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void signingAFileOntoItselfIsRefused() throws IOException {
        Path pdf = dir.resolve("self.pdf");
        new ReportRenderer(CLOCK).render(SampleReports.clinicAudit(1), pdf);
        byte[] before = Files.readAllBytes(pdf);
        assertThatThrownBy(() -> new PadesSigner(PKI.credentials(), CLOCK, null).sign(pdf, pdf, "r", "l"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onto itself");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(before);
    }

    @Test
    void aMissingFileIsAnIoErrorNotAVerdict() {
        assertThatThrownBy(() -> new SignedReportVerifier(List.of(PKI.ca), CLOCK).verify(dir.resolve("none.pdf")))
                .isInstanceOf(IOException.class);
    }
}
