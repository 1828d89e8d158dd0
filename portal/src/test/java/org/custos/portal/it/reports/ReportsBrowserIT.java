package org.custos.portal.it.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custos.portal.compliance.export.DisclosureLogs;
import org.custos.portal.compliance.export.PortalHttp;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.reports.testing.ConformanceSettings;
import org.custos.portal.reports.testing.Level;
import org.custos.portal.reports.testing.ReportConformance;
import org.custos.portal.reports.testing.ReportsTsa;
import org.custos.portal.reports.testing.TsaIdentity;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Signed reports end to end in headless Chromium, against the real portal syncing the demo fixture from anvil with
 * the real Keycloak sign-in (clinic-north = fixture clinic 0, clinic-south = clinic 1), signing with the test
 * environment's report keystore ({@code CUSTOS_REPORTS_*}) and timestamping with {@link ReportsTsa} on
 * 127.0.0.1:18318 (configured here as {@code custos.reports.tsa.url}; the environment's value wins). Every PDF is
 * downloaded through the browser and then passes all of {@link ReportConformance} at the expected level
 * (system property {@code custos.it.reports.level}; default B-LT when {@code CUSTOS_REPORTS_CRL} is set, else
 * B-T): veraPDF, EU DSS, pdfsig, Custos's verifier and {@code transcript --rpc} against this test's anvil.
 *
 * <p>The regulator issues a consortium integrity report and a clinic audit report for clinic-south;
 * officer-north issues a pre-inspection report and finds it in the register, gets "not found" (404) for
 * south's and the consortium's report by id, and sees only own-clinic reports in the register; dpo-north issues an
 * accounting of disclosures for a pseudonym the chain records at clinic-north and an erasure certificate for one
 * of clinic-north's completed erasure requests (ground truth); the verify page verifies a report the portal issued
 * and refuses, each with its reason and without a stack trace or a stored row, the same report with one byte changed
 * or an incremental update appended, a report signed by another CA, a text file and an empty file. The pages' ids are those of /work/REPORTS-CONTRACT.md (issue 14).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsBrowserIT {

    private static final Duration ISSUE = Duration.ofMinutes(4);
    private static final Duration SYNC = Duration.ofMinutes(3);
    private static final Path KEEP = Path.of("target", "reports-it");

    private static Anvil anvil;
    private static ReportsTsa tsa;
    private static ReportConformance conformance;
    private static Level level;
    private static String consortiumReport;
    private static String southReport;
    private static String officerReport;
    private static Path verifiable;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        TsaIdentity identity = TsaIdentity.fromEnvironment(System.getenv(), Instant.now());
        tsa = new ReportsTsa(identity, java.time.Clock.systemUTC(), ReportsTsa.PORT);
        conformance = new ReportConformance(ConformanceSettings.fromEnvironment(System.getenv(), anvil.url())
                .with(identity.extraAnchors(), identity.extraCrls()));
        String configured = System.getProperty("custos.it.reports.level", "");
        level = !configured.isBlank() ? Level.parse(configured)
                : System.getenv().getOrDefault(ConformanceSettings.CRL_ENV, "").isBlank() ? Level.B_T : Level.B_LT;

        Properties config = new Properties();
        config.putAll(chain.config(anvil.url()));
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        config.put("custos.reports.tsa.url", ReportsTsa.URL.toString());
        StringWriter text = new StringWriter();
        config.store(text, "the demo's ledger settings for this test's anvil, and the tests' TSA");
        File war = new File(System.getProperty("custos.war", "target/custos.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run `package` first: " + war + " missing");
        }
        return ShrinkWrap.create(ZipImporter.class, "custos.war").importFrom(war).as(WebArchive.class)
                .addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (tsa != null) {
            tsa.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    @Order(1)
    void regulatorIssuesTheConsortiumIntegrityAndSouthsAuditReportAndEachConforms() throws Exception {
        DemoFixture chain = DemoFixture.get();
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            awaitSynced(b, chain);
            long stamped = tsa.served();

            Issued consortium = issue(b, "CONSORTIUM_INTEGRITY", null, null);
            b.screenshot("reports-issued-consortium");
            conformance.assertConforms(consortium.pdf, level);
            consortiumReport = consortium.id;

            Issued south = issue(b, "CLINIC_AUDIT", chain.clinicIds.get(1), null);
            conformance.assertConforms(south.pdf, level);
            southReport = south.id;
            verifiable = south.pdf;
            if (level != Level.B_B) {
                assertThat(tsa.served()).as("timestamps from the tests' TSA").isGreaterThanOrEqualTo(stamped + 2);
            }

            b.open("reports/register.xhtml");
            assertThat(registerIds(b)).contains(consortium.id, south.id);
            Path again = b.download(() -> downloadLink(b, south.id).click(), south.id + ".pdf", ISSUE);
            assertThat(sha256(again)).as("the register serves the very file issued").isEqualTo(sha256(south.pdf));
        }
    }

    @Test
    @Order(2)
    void officerIssuesAPreInspectionReportAndFindsItInTheRegister() throws Exception {
        DemoFixture chain = DemoFixture.get();
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("officer-north", "ledger/status.xhtml");
            awaitSynced(b, chain);
            Issued own = issue(b, "PRE_INSPECTION", null, null);
            conformance.assertConforms(own.pdf, level);
            officerReport = own.id;

            b.open("reports/register.xhtml");
            List<String> ids = registerIds(b);
            assertThat(ids).contains(own.id);
            b.screenshot("reports-register-officer");
            Path again = b.download(() -> downloadLink(b, own.id).click(), own.id + ".pdf", ISSUE);
            assertThat(sha256(again)).isEqualTo(sha256(own.pdf));
        }
    }

    @Test
    @Order(3)
    void officerGetsNotFoundForAnotherClinicsReportAndSeesOnlyOwnClinicReports() throws Exception {
        DemoFixture chain = DemoFixture.get();
        assertThat(southReport).as("the regulator's test issued no report of clinic-south").isNotNull();
        assertThat(officerReport).as("the officer's test issued no report").isNotNull();
        PortalHttp officer = new PortalHttp(ReportsBrowser.BASE, "officer-north", ReportsBrowser.password());
        for (String id : List.of(southReport, consortiumReport, "CUSTOS-20000101-000000000000")) {
            PortalHttp.Answer answer = officer.get("reports/download?id=" + PortalHttp.enc(id));
            assertThat(answer.status()).as("officer-north downloading " + id).isEqualTo(404);
            assertThat(answer.contentType()).doesNotContain("application/pdf");
            assertThat(answer.body()).doesNotContain("%PDF");
        }
        // extra parameters change nothing
        PortalHttp.Answer tricked = officer.get("reports/download?id=" + PortalHttp.enc(southReport) + "&clinic="
                + chain.clinicIds.get(1) + "&scope=all");
        assertThat(tricked.status()).isEqualTo(404);
        assertThat(officer.get("reports/download?id=" + PortalHttp.enc(officerReport)).status()).isEqualTo(200);

        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("officer-north", "reports/register.xhtml");
            List<String> ids = registerIds(b);
            assertThat(ids).contains(officerReport).doesNotContain(southReport, consortiumReport);
            assertThat(b.source()).doesNotContain(chain.clinicIds.get(1));
            b.open("reports/register.xhtml?clinic=" + chain.clinicIds.get(1));
            assertThat(registerIds(b)).doesNotContain(southReport, consortiumReport);
            b.open("reports/download?id=" + PortalHttp.enc(southReport));
            assertThat(b.text("errorTitle")).isEqualTo("Page not found");
            assertThat(b.downloads).isEmptyDirectory();
        }
    }

    @Test
    @Order(4)
    void dpoIssuesAnAccountingOfDisclosuresAndAnErasureCertificateForOwnClinicSubjects() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        String pseudonym = DisclosureLogs.read(anvil, chain.accountability).stream()
                .filter(l -> l.clinicId().equals(north)).findFirst().orElseThrow().subject();
        String erasure = erasureRequest(0);
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("dpo-north", "ledger/status.xhtml");
            awaitSynced(b, chain);
            Issued accounting = issue(b, "DISCLOSURE_ACCOUNTING", null, pseudonym);
            conformance.assertConforms(accounting.pdf, level);
            Issued certificate = issue(b, "ERASURE_CERTIFICATE", null, erasure);
            b.screenshot("reports-issued-erasure-certificate");
            conformance.assertConforms(certificate.pdf, level);

            b.open("reports/register.xhtml");
            assertThat(registerIds(b)).contains(accounting.id, certificate.id).doesNotContain(southReport,
                    consortiumReport);
        }
    }

    @Test
    @Order(5)
    void theVerifyPageVerifiesAPortalReportAndRefusesEveryAlteredOrForeignFileStoringNothing() throws Exception {
        assertThat(verifiable).as("the regulator's test issued no report").isNotNull();
        byte[] signed = Files.readAllBytes(verifiable);
        Path dir = Files.createDirectories(KEEP);
        byte[] changed = signed.clone();
        changed[new String(changed, StandardCharsets.ISO_8859_1).indexOf("<dc:title>") + 20] ^= 0x01;
        Map<String, Path> refused = new LinkedHashMap<>();
        refused.put("DIGEST_MISMATCH", Files.write(dir.resolve("one-byte-changed.pdf"), changed));
        refused.put("NOT_WHOLE_FILE", Files.write(dir.resolve("incremental-update.pdf"), incrementalUpdate(signed)));
        refused.put("CERTIFICATE_UNTRUSTED", Files.write(dir.resolve("foreign-signer.pdf"), foreignSigned()));
        refused.put("not a PDF", Files.writeString(dir.resolve("not-a-pdf.pdf"), "this is not a PDF\n"));
        refused.put("empty", Files.write(dir.resolve("empty.pdf"), new byte[0]));
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("officer-north", "reports/register.xhtml");
            List<String> before = registerIds(b);
            b.open("reports/verify.xhtml");
            assertThat(verify(b, verifiable)).startsWith("VERIFIED");
            b.screenshot("reports-verify-verified");
            for (Map.Entry<String, Path> bad : refused.entrySet()) {
                b.open("reports/verify.xhtml");
                String result = verify(b, bad.getValue());
                assertThat(result).as(bad.getKey()).startsWith("REFUSED");
                if (bad.getKey().matches("[A-Z_]+")) {
                    assertThat(result).as(bad.getKey()).contains(bad.getKey());
                }
                assertThat(b.present("errorTitle")).as(bad.getKey() + ": an error page").isFalse();
                assertThat(b.source()).as(bad.getKey() + ": a stack trace").doesNotContain("at org.custos.")
                        .doesNotContain("at java.base/");
            }
            b.screenshot("reports-verify-refused");
            b.open("reports/register.xhtml");
            assertThat(registerIds(b)).as("verifying stores nothing").isEqualTo(before);
        }
    }

    /** A real incremental update after the signature (the catalogue's language changed), as an editor would add. */
    private static byte[] incrementalUpdate(byte[] signed) throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentCatalog().setLanguage("xx");
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            assertThat(out.size()).isGreaterThan(signed.length);
            return out.toByteArray();
        }
    }

    /** A well-formed report signed by a CA the portal does not trust. */
    private static byte[] foreignSigned() throws Exception {
        TestPki other = TestPki.create(Instant.now(), "Not the portal");
        java.time.Clock clock = java.time.Clock.systemUTC();
        byte[] pdf = new ReportRenderer(clock).render(SampleReports.clinicAudit(2));
        return new PadesSigner(other.credentials(), clock, null).sign(pdf, "Custos compliance report", "Custos");
    }

    @Test
    @Order(6)
    void theTrustAnchorThePortalPublishesIsTheOneTheValidatorsTrust() throws Exception {
        PortalHttp officer = new PortalHttp(ReportsBrowser.BASE, "officer-north", ReportsBrowser.password());
        PortalHttp.Answer pem = officer.get("reports/trust-anchor.pem");
        assertThat(pem.status()).isEqualTo(200);
        List<X509Certificate> published = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)))) {
            published.add((X509Certificate) c);
        }
        assertThat(published).containsAll(ConformanceSettings.readCertificates(
                Path.of(System.getenv(ConformanceSettings.TRUST_ANCHOR_ENV))));
    }

    private record Issued(String id, Path pdf) {
    }

    /** Issues a report on the issue page, waits for it, downloads it and keeps a copy in target/reports-it/. */
    private static Issued issue(ReportsBrowser b, String kind, String clinic, String subject) throws Exception {
        b.open("reports/issue.xhtml");
        b.select("issue:kind", kind);
        if (clinic != null) {
            b.select("issue:clinic", clinic);
        }
        if (subject != null) {
            b.type("issue:subject", subject);
        }
        b.click("issue:start");
        b.waitUntil(ISSUE, d -> b.shown("issue:download") || !messages(b).isBlank());
        assertThat(b.shown("issue:download")).as(kind + " was not issued: " + messages(b)).isTrue();
        String id = b.text("issue:reportId").trim();
        // e.g. CUSTOS-20261207-1a2b3c4d5e6f; it names the downloaded file (ID.pdf)
        assertThat(id).matches("[A-Za-z0-9._-]+");
        Path pdf = b.download(() -> b.driver.findElement(By.id("issue:download")).click(), id + ".pdf", ISSUE);
        Files.createDirectories(KEEP);
        Path kept = Files.copy(pdf, KEEP.resolve(kind.toLowerCase() + "-" + id + ".pdf"),
                StandardCopyOption.REPLACE_EXISTING);
        return new Issued(id, kept);
    }

    private static String messages(ReportsBrowser b) {
        return b.present("issue:messages") ? b.driver.findElement(By.id("issue:messages")).getText() : "";
    }

    private static String verify(ReportsBrowser b, Path pdf) {
        b.chooseFile("verify:file", pdf);
        b.click("verify:check");
        b.waitUntil(ISSUE, d -> b.shown("verify:result") && (b.text("verify:result").startsWith("VERIFIED")
                || b.text("verify:result").startsWith("REFUSED")));
        return b.text("verify:result");
    }

    private static List<String> registerIds(ReportsBrowser b) {
        b.visible("register:reports");
        return b.driver.findElements(By.cssSelector("[id='register:reports'] td.report-id")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    private static WebElement downloadLink(ReportsBrowser b, String id) {
        WebElement link = b.driver.findElement(By.cssSelector("[id='register:reports'] a.report-download[href$='id="
                + id + "']"));
        ((org.openqa.selenium.JavascriptExecutor) b.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        return link;
    }

    private static void awaitSynced(ReportsBrowser b, DemoFixture chain) {
        b.open("ledger/status.xhtml");
        b.waitUntil(SYNC, d -> "synced".equals(b.text("ledgerForm:phase"))
                && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
    }

    /** A completed (late) erasure request of fixture clinic {@code index}, from the fixture's ground truth. */
    private static String erasureRequest(int index) throws Exception {
        Path truth = Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo"))
                .resolve("ground-truth.json");
        for (JsonNode v : new ObjectMapper().readTree(truth.toFile()).get("violations")) {
            if (v.get("clinicIndex").asInt() == index && v.get("kind").asText().equals("LATE_ERASURE")) {
                return v.get("objects").get("requestId").asText();
            }
        }
        throw new IllegalStateException("no LATE_ERASURE planted at fixture clinic " + index);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
