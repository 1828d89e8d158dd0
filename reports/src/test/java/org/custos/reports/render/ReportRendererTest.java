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
import org.custos.reports.model.ErasureCertificate;
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
        // in time by the dates, but the issuer found a read after a key's destruction: not certified, and why
        ErasureCertificate sample = SampleReports.erasureCertificate();
        ErasureCertificate read = new ErasureCertificate(sample.header(), sample.clinic(), sample.requestId(),
                sample.subjectPseudonym(), sample.received(), sample.deadline(), sample.completed(), sample.keys(),
                sample.receipts(), sample.anchors(), List.of("a record under key k1 was read at 2026-02-21T08:00:00Z"),
                Evidence.of("{}"));
        assertThat(read.certified()).isFalse();
        assertThat(text(renderer.render(read)).replaceAll("\\s+", " "))
                .contains("NOT certified as erasure-equivalent")
                .contains("Not certified because: a record under key k1 was read at 2026-02-21T08:00:00Z")
                .doesNotContain("Outcome: erasure-equivalent");
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

    @Test
    void preInspectionReportStatesOnItsFirstPageWhatItIsAndWhatItCouldNotVerify() throws IOException {
        ClinicAuditReport report = SampleReports.preInspection();
        byte[] pdf = renderer.render(report);
        String first = oneLine(page(pdf, 1));
        assertThat(first).contains("PRE-INSPECTION REPORT").contains("Pre-inspection report: Klinika Łódź-Północ")
                .contains("Prepared at the clinic's request. This is not the regulator's assessment.")
                .contains("Readiness verdict: Not ready: 1 open S1 finding (GDPR-ER-01).")
                .contains("Read first: what this report could not verify")
                .contains("Integrity alert INT-06 (split view) is open since 2026-03-30 14:02 UTC.")
                .contains("The portal's ledger sync is 12 blocks behind the node")
                .contains("Requested by officer-north (compliance-officer)")
                .contains("Portal audit trail at issue: 1204 entries, head " + SampleReports.TRAIL_HEAD)
                .doesNotContain("No caveats");
        assertThat(first.indexOf("Read first")).as("the caveats come before the report's particulars")
                .isLessThan(first.indexOf("Report id"));
        String all = oneLine(text(pdf));
        assertThat(all).contains("No verified evidence bundle: the clinic has no evidence bundle that Custos verified")
                .contains("Rules that could not run")
                .contains("GDPR-ER-02: needs the KMS deletion receipts of a verified bundle")
                .contains("Reason: Deadline missed during the migration (Größe ✓)");
        // table cells wrap long words between characters: compared without spaces
        assertThat(all.replace(" ", "")).contains("Setby:officer-north(compliance-officer)")
                .contains("Evidence:block17002tx0x" + "ab".repeat(32) + "log4");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Pre-inspection report: "
                    + report.clinic());
        }
    }

    @Test
    void withoutCaveatsTheFirstPageSaysSoAndAlertsAreSplitIntoOpenAndPast() throws IOException {
        byte[] pdf = renderer.render(SampleReports.consortiumIntegrityWithHistory());
        String first = oneLine(page(pdf, 1));
        assertThat(first).contains("No caveats:").doesNotContain("Read first")
                .contains("Requested by regulator-1 (regulator)")
                .contains("Portal audit trail at issue: 88 entries, head " + SampleReports.TRAIL_HEAD);
        String all = oneLine(text(pdf));
        assertThat(all).contains("Validator set changes")
                .contains("0x4e76d3f3f50a1cd7f6e5d4c3b2a1f0e9d8c7b6a5 voted in (4 validators)");
        int open = all.indexOf("Open integrity alerts");
        int past = all.indexOf("Past integrity alerts");
        assertThat(open).isPositive().isLessThan(past);
        assertThat(all.indexOf("Split view: one member's node reports another block 18,431.")).isBetween(open, past);
        assertThat(all.indexOf("Seal quorum missed at block 12,007")).isGreaterThan(past);
        assertThat(all.substring(past)).contains("2026-02-11 09:30 UTC");
    }

    @Test
    void aReportWithoutIssueNotesPrintsNoneOfThem() throws IOException {
        String first = oneLine(page(renderer.render(SampleReports.clinicAudit(3)), 1));
        assertThat(first).contains("Clinic audit report: ").doesNotContain("Read first").doesNotContain("No caveats")
                .doesNotContain("Portal audit trail").doesNotContain("Requested by")
                .doesNotContain("Prepared at the clinic's request");
        String consortium = oneLine(text(renderer.render(SampleReports.consortiumIntegrity())));
        assertThat(consortium).doesNotContain("Validator set changes").contains("No past integrity alerts.");
    }

    @Test
    void theNewModelPartsRefuseIncompleteOrContradictoryInput() {
        assertThatThrownBy(() -> new org.custos.reports.model.IssueNotes(List.of(), "u", "r", 1, "0x1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailHead");
        assertThatThrownBy(() -> new org.custos.reports.model.IssueNotes(List.of(), "u", "r", -1,
                SampleReports.TRAIL_HEAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.custos.reports.model.IssueNotes(List.of(" "), "u", "r", 1,
                SampleReports.TRAIL_HEAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.custos.reports.model.IssueNotes(null, "u", "r", 1,
                SampleReports.TRAIL_HEAD)).isInstanceOf(NullPointerException.class);
        assertThat(new org.custos.reports.model.IssueNotes(List.of(), "u", "r", 0, "0x" + "AB".repeat(32))
                .trailHead()).isEqualTo("0x" + "ab".repeat(32));
        ClinicAuditReport base = SampleReports.clinicAudit(1);
        assertThatThrownBy(() -> new ClinicAuditReport(base.header(), "c", "s", base.periodStart(), base.periodEnd(),
                base.verification(), List.of(), base.evidence(), true, " ", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readiness verdict");
        assertThatThrownBy(() -> new org.custos.reports.model.ConsortiumIntegrityReport.IntegrityAlert("INT-01",
                Severity.S1, "t", "d", true, "closed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.custos.reports.model.ConsortiumIntegrityReport.IntegrityAlert("INT-01",
                Severity.S1, "t", "d", false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new org.custos.reports.model.ReportHeader("X-1", "i", "a").notes()).isNull();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String page(byte[] pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
