package org.custos.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.DisclosureAccounting;
import org.custos.reports.model.Evidence;
import org.custos.reports.model.Finding;
import org.custos.reports.model.Severity;
import org.custos.reports.testing.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportRendererTest {

    private static final Instant NOW = Instant.parse("2026-04-02T08:30:00Z");
    private final ReportRenderer renderer = new ReportRenderer(Clock.fixed(NOW, ZoneOffset.UTC));

    static List<SampleReports.Named> samples() {
        return SampleReports.all();
    }

    @Test
    void europeanTextSurvivesRenderingAndExtraction() throws IOException {
        String text = text(renderer.render(SampleReports.clinicAudit(3)));
        // the wrapped summary is compared word by word: line breaks may fall between any two words
        for (String word : SampleReports.EUROPEAN.split(" ")) {
            assertThat(text).contains(word);
        }
        assertThat(text.replaceAll("\\s+", " ")).contains("Łódź: zażółć gęślą jaźń").contains("Straße, Größe")
                .contains("Ελληνικά: Αθήνα, ψυχή").contains("✓ verified").contains("Číslo účtu: Dvořák");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTypeIsPdfA3bWithEmbeddedFontsXmpOutputIntentAndEvidence(SampleReports.Named sample)
            throws Exception {
        byte[] pdf = renderer.render(sample.report());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(sample.report().title());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(sample.report().title());
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(NOW);

            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.get(0).getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
            assertThat(intents.get(0).getDestOutputIntent().getLength()).isPositive();

            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVu");
                }
            }

            COSArray af = (COSArray) document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("AF"));
            assertThat(af.size()).isEqualTo(1);
            COSDictionary spec = (COSDictionary) af.getObject(0);
            assertThat(spec.getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
            PDComplexFileSpecification file = new PDComplexFileSpecification(spec);
            assertThat(file.getFileUnicode()).isEqualTo(Evidence.FILE_NAME);
            assertThat(file.getEmbeddedFileUnicode().getSubtype()).isEqualTo(Evidence.MEDIA_TYPE);
            assertThat(file.getEmbeddedFileUnicode().toByteArray()).isEqualTo(sample.report().evidence().json());
            assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames())
                    .containsKey(Evidence.FILE_NAME);

            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Evidence SHA-256: " + sample.report().evidence().sha256Hex());
            int pages = document.getNumberOfPages();
            assertThat(text).contains("page " + pages + " of " + pages)
                    .contains("Custos report " + sample.report().header().reportId());
        }
    }

    @Test
    void sameInputAndClockGiveTheSameBytes() {
        assertThat(renderer.render(SampleReports.erasureCertificate()))
                .isEqualTo(renderer.render(SampleReports.erasureCertificate()));
    }

    @Test
    void longTablesBreakAcrossPagesAndRepeatTheirHeader() throws IOException {
        byte[] pdf = renderer.render(SampleReports.disclosureAccounting(22 * 3));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(4);
            PDFTextStripper stripper = new PDFTextStripper();
            int withHeader = 0;
            for (int page = 3; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("page " + page + " of " + pages).contains("AD-2026-0009");
                if (text.contains("(" + 1 + ")") || text.contains("Immunisation record")) {
                    assertThat(text).as("page " + page).contains("Recipient (address if known)")
                            .contains("Description of the information");
                    withHeader++;
                }
            }
            assertThat(withHeader).isGreaterThanOrEqualTo(2);
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (int i = 1; i <= 66; i++) {
                assertThat(all).contains("Immunisation record and lab result (" + i + ")");
            }
        }
    }

    @Test
    void severitiesAreColouredAndErasureWordingFollowsTheCatalogue() throws IOException {
        assertThat(Colours.severity(Severity.S1)).isNotEqualTo(Colours.severity(Severity.S4));
        String text = text(renderer.render(SampleReports.erasureCertificate())).replaceAll("\\s+", " ");
        assertThat(text).contains("Outcome: erasure-equivalent (CNIL 2018 / EDPB 02/2025).")
                .contains("not erasure").doesNotContain("erased from the chain");
        String late = text(renderer.render(new org.custos.reports.model.ErasureCertificate(
                SampleReports.erasureCertificate().header(), "c", "r", "s", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 9), SampleReports.erasureCertificate().keys(),
                SampleReports.erasureCertificate().receipts(), List.of(), Evidence.of("{}"))));
        assertThat(late.replaceAll("\\s+", " ")).contains("NOT certified as erasure-equivalent")
                .contains("after the deadline");
    }

    @Test
    void untrustedTextCannotBreakTheDocument() throws IOException {
        String hostile = "ok\u0000\u0007 ) Tj ET (\u4e2d\u6587) \uD83D\uDE00 <script>\tend";
        ClinicAuditReport base = SampleReports.clinicAudit(1);
        ClinicAuditReport report = new ClinicAuditReport(base.header(), hostile, hostile, base.periodStart(),
                base.periodEnd(), base.verification(), List.of(new Finding("X-1", hostile, Severity.S2, hostile,
                hostile)), base.evidence());
        String text = text(renderer.render(report));
        assertThat(text).contains("ok?? ) Tj ET (??) ? <script> end");
    }

    @Test
    void accountingRefusesDisclosuresOutsideTheSixYears() {
        LocalDate requested = LocalDate.of(2026, 3, 15);
        DisclosureAccounting.Disclosure old = new DisclosureAccounting.Disclosure(requested.minusYears(6).minusDays(1),
                "r", "", "d", "p");
        assertThatThrownBy(() -> new DisclosureAccounting(SampleReports.disclosureAccounting(1).header(), "c", "s",
                requested, List.of(old), Evidence.of("{}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the accounting period");
    }

    @Test
    void theEvidenceHashIsTheSha256OfTheEmbeddedBytes() {
        assertThat(Evidence.of("abc").sha256Hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Evidence.of("abc").json()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
