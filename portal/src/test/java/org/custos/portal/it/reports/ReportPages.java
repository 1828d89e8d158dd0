package org.custos.portal.it.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.custos.reports.model.Evidence;
import org.openqa.selenium.By;

/** The issue page as the tests drive it: issue a report, wait for it, download it; read a PDF's evidence. */
final class ReportPages {

    static final Path KEEP = Path.of("target", "reports-it");

    private ReportPages() {
    }

    /**
     * On the issue page reached through a link that preselected the report ({@code kind}, clinic, subject):
     * checks the preselection, issues, waits, downloads and keeps a copy in target/reports-it/.
     */
    static Path issueAsPreselected(ReportsBrowser b, String kind, Duration timeout) throws IOException {
        b.visible("issue:start");
        assertThat(b.driver.findElement(By.id("issue:kind_input")).getAttribute("value")).isEqualTo(kind);
        b.click("issue:start");
        b.waitUntil(timeout, d -> b.shown("issue:download") || !messages(b).isBlank());
        assertThat(b.shown("issue:download")).as(kind + " was not issued: " + messages(b)).isTrue();
        String id = b.text("issue:reportId").trim();
        Path pdf = b.download(() -> b.driver.findElement(By.id("issue:download")).click(), id + ".pdf", timeout);
        Files.createDirectories(KEEP);
        return Files.copy(pdf, KEEP.resolve(kind.toLowerCase() + "-" + id + ".pdf"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    static String messages(ReportsBrowser b) {
        return b.present("issue:messages") ? b.driver.findElement(By.id("issue:messages")).getText() : "";
    }

    /** The report's embedded evidence ({@link Evidence#FILE_NAME}) as text. */
    static String evidence(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDComplexFileSpecification spec = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames().get(Evidence.FILE_NAME);
            return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
