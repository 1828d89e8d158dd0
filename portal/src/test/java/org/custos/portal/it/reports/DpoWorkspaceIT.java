package org.custos.portal.it.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.reports.testing.ConformanceSettings;
import org.custos.portal.reports.testing.Level;
import org.custos.portal.reports.testing.ReportConformance;
import org.custos.portal.reports.testing.ReportsTsa;
import org.custos.portal.reports.testing.TsaIdentity;
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
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The DPO's workspace in headless Chromium against the real portal syncing the demo fixture from anvil, with the
 * real Keycloak sign-in (H2 and PostgreSQL). dpo-north opens a correct erasure request of clinic-north (one the
 * ground truth plants nothing against, found from the node's own logs): not certified while no receipt is
 * verified and no access log reaches past the destructions; a receipt signed by another key is refused with its
 * reason and not kept; the fixture's receipts are verified and kept; once officer-north's bundle is verified the
 * request is erasure-equivalent; the DPO records a review and closes the case; the erasure certificate issued from
 * the request's page validates with every validator (veraPDF, EU DSS, pdfsig, Custos's verifier, {@code transcript
 * --rpc}, whose evidence now carries the receipts) and says erasure-equivalent. The planted erasure whose key was
 * never destroyed gives a certificate that says NOT certified, with the reason; the planted late erasure is not
 * certified and says why, and its certificate embeds the inclusion proof of the read after the destruction under
 * the anchored checkpoint; officer-south gets "not found" for north's request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DpoWorkspaceIT {

    private static final Duration SYNC = Duration.ofMinutes(3);
    private static final String NORTH_NAME = "North <b>Aesthetics</b> Clinic";
    private static final Duration WORK = Duration.ofMinutes(4);
    private static final Path FIXTURE = Path.of(System.getProperty("custos.fixture.dir",
            "../consortium/fixtures/demo"));

    private static Anvil anvil;
    private static ReportsTsa tsa;
    private static ReportConformance conformance;
    private static Level level;
    private static ErasureCases.Erasure correct;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        TsaIdentity identity = TsaIdentity.fromEnvironment(System.getenv(), Instant.now());
        tsa = new ReportsTsa(identity, java.time.Clock.systemUTC(), ReportsTsa.PORT);
        conformance = new ReportConformance(ConformanceSettings.fromEnvironment(System.getenv(), anvil.url())
                .with(identity.extraAnchors(), identity.extraCrls()));
        level = System.getenv().getOrDefault(ConformanceSettings.CRL_ENV, "").isBlank() ? Level.B_T : Level.B_LT;
        Properties config = new Properties();
        config.putAll(chain.config(anvil.url()));
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        config.put("custos.reports.tsa.url", ReportsTsa.URL.toString());
        // the regulator's register names clinic-north; clinic-south keeps its portal id as its name (D19)
        config.put("custos.clinic.names", chain.clinicIds.get(0) + "=North <b>Aesthetics</b> Clinic");
        StringWriter text = new StringWriter();
        config.store(text, "the demo's ledger settings for this test's anvil, and the tests' TSA");
        File war = new File(System.getProperty("custos.war", "target/custos.war"));
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
    void beforeAnyReceiptOrBundleACorrectErasureIsNotCertifiedAndAForeignSignatureIsRefused() throws Exception {
        DemoFixture chain = DemoFixture.get();
        correct = ErasureCases.correct(anvil, chain, chain.clinicIds.get(0), FIXTURE);
        Map<String, ErasureCases.Receipt> receipts = ErasureCases.receipts(FIXTURE);
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("dpo-north", "ledger/status.xhtml");
            awaitSynced(b, chain);
            b.open("dpo/request.xhtml?id=" + correct.requestId());
            // clinics by name, the id on hover; the configured name is shown as text, never as markup
            assertThat(b.text("clinic")).isEqualTo(NORTH_NAME);
            assertThat(b.visible("clinic").getAttribute("title")).isEqualTo(chain.clinicIds.get(0));
            assertThat(b.text("identity-clinic")).isEqualTo(NORTH_NAME);
            assertThat(b.driver.findElements(org.openqa.selenium.By.cssSelector("#clinic b"))).isEmpty();
            assertThat(b.text("verdict")).isEqualTo("not erasure-equivalent");
            assertThat(reasons(b)).contains("no receipt verified yet").contains("not checked yet");
            assertThat(b.text("timeline")).contains("received").contains("answered").contains("key destroyed");

            // the first key's receipt, signed by a key that is not the clinic's attestation key
            ErasureCases.Receipt genuine = receipts.get(correct.keys().get(0));
            ECKeyPair stranger = Keys.createEcKeyPair();
            Sign.SignatureData sig = Sign.signPrefixedMessage(genuine.receipt().getBytes(StandardCharsets.UTF_8),
                    stranger);
            String forged = "0x" + HexFormat.of().formatHex(sig.getR()) + HexFormat.of().formatHex(sig.getS())
                    + HexFormat.of().formatHex(sig.getV());
            String refused = upload(b, genuine.receipt(), forged);
            assertThat(refused).as("refusal headline").containsIgnoringCase("refused");
            assertThat(b.text("receiptUpload:receiptActual")).contains(Keys.getAddress(stranger));
            assertThat(b.present("receiptUpload:keptReceipts")).as("a refused receipt was kept").isFalse();
            assertThat(b.source()).doesNotContain("at org.custos.").doesNotContain("at java.base/");
            b.screenshot("dpo-receipt-refused");

            for (String key : correct.keys()) {
                ErasureCases.Receipt r = receipts.get(key);
                assertThat(upload(b, r.receipt(), r.signature())).as(key).containsIgnoringCase("verified");
            }
            b.open("dpo/request.xhtml?id=" + correct.requestId());
            assertThat(b.text("keys")).contains("verified: receipt");
            // receipts verified, but no access log reaches past the destructions yet
            assertThat(b.text("verdict")).isEqualTo("not erasure-equivalent");
            assertThat(reasons(b)).contains("not checked yet").doesNotContain("no receipt verified");
        }
    }

    @Test
    @Order(2)
    void onceTheClinicsBundleIsVerifiedTheCorrectErasureIsCertifiedAndItsCertificateValidates() throws Exception {
        DemoFixture chain = DemoFixture.get();
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("officer-north", "evidence/upload.xhtml");
            b.chooseFile("uploadForm:bundle", FIXTURE.resolve("bundles/clinic-0.zip"));
            b.visible("uploadForm:bundleHash", WORK);
        }
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("dpo-north", "dpo/request.xhtml?id=" + correct.requestId());
            assertThat(b.text("verdict")).as(reasons(b)).isEqualTo("Erasure-equivalent (CNIL 2018 / EDPB 02/2025)");
            assertThat(reasons(b)).as("a certified erasure lists no reason against it").isEmpty();
            b.screenshot("dpo-request-erasure-equivalent");

            b.type("caseForm:note", "Receipts checked against the KMS export; <b>no</b> later reads.");
            b.click("caseForm:review");
            b.waitUntil(WORK, d -> b.text("history").contains("REVIEWED"));
            b.click("caseForm:close");
            b.waitUntil(WORK, d -> b.text("history").contains("CLOSED"));
            assertThat(b.text("history")).contains("<b>no</b> later reads").contains("dpo-north");
            assertThat(b.text("caseState")).isEqualTo("closed");

            b.click("issueCertificate");
            Path pdf = ReportPages.issueAsPreselected(b, "ERASURE_CERTIFICATE", WORK);
            conformance.assertConforms(pdf, level);
            String text = pdfText(pdf);
            assertThat(text.replaceAll("\\s+", " ")).as("the certificate names the clinic").contains(NORTH_NAME + " (0x");
            assertThat(text).contains("Outcome: erasure-equivalent (CNIL 2018 / EDPB 02/2025).")
                    .doesNotContain("NOT certified");
            assertThat(ReportPages.evidence(pdf)).contains("\"kmsReceipts\"").contains("custos-evidence/2");
        }
    }

    @Test
    @Order(3)
    void aKeyNeverDestroyedGivesANotCertifiedCertificateAndALateErasureSaysWhy() throws Exception {
        String neverDestroyed = planted("ERASURE_KEY_NOT_DESTROYED");
        String late = planted("LATE_ERASURE");
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("dpo-north", "dpo/request.xhtml?id=" + neverDestroyed);
            assertThat(b.text("verdict")).isEqualTo("not erasure-equivalent");
            assertThat(reasons(b)).contains("not destroyed");
            b.click("issueCertificate");
            Path pdf = ReportPages.issueAsPreselected(b, "ERASURE_CERTIFICATE", WORK);
            conformance.assertConforms(pdf, level);
            assertThat(pdfText(pdf)).contains("NOT certified as erasure-equivalent")
                    .contains("Not certified because: key").contains("not destroyed");

            b.open("dpo/request.xhtml?id=" + late);
            assertThat(b.text("verdict")).isNotEqualTo("Erasure-equivalent (CNIL 2018 / EDPB 02/2025)");
            assertThat(reasons(b)).contains("after the deadline").contains("was read at");
            // its certificate carries the read's RFC 9162 inclusion proof under the anchored AuditCheckpoint, which
            // transcript --rpc re-verifies with the rest (assertConforms)
            b.click("issueCertificate");
            Path latePdf = ReportPages.issueAsPreselected(b, "ERASURE_CERTIFICATE", WORK);
            conformance.assertConforms(latePdf, level);
            assertThat(ReportPages.evidence(latePdf)).contains("\"merkleProofs\"").contains("\"anchor\"")
                    .contains("custos-evidence/2");
            assertThat(pdfText(latePdf)).contains("NOT certified as erasure-equivalent");
        }
    }

    @Test
    @Order(4)
    void anOfficerOfAnotherClinicGetsNotFoundAndAnOfficerOfTheClinicReadsOnly() throws Exception {
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("officer-south", "dpo/request.xhtml?id=" + correct.requestId());
            assertThat(b.text("pageTitle")).isEqualTo("Request not found");
            assertThat(b.source()).doesNotContain(correct.keys().get(0));
            b.open("dpo/request.xhtml?id=" + correct.requestId() + "&clinic=" + DemoFixture.get().clinicIds.get(0));
            assertThat(b.text("pageTitle")).isEqualTo("Request not found");
        }
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.signIn("officer-north", "dpo/request.xhtml?id=" + correct.requestId());
            assertThat(b.text("verdict")).isEqualTo("Erasure-equivalent (CNIL 2018 / EDPB 02/2025)");
            assertThat(b.present("caseForm")).as("an officer was offered case handling").isFalse();
            assertThat(b.present("receiptUpload:checkReceipt")).as("an officer was offered a receipt upload")
                    .isFalse();
        }
    }

    /** Uploads a receipt and its signature on the request page; returns the result's headline. */
    private static String upload(ReportsBrowser b, String receipt, String signature) throws Exception {
        Path dir = Files.createTempDirectory("custos-receipt-");
        Path json = Files.writeString(dir.resolve("receipt.json"), receipt, StandardCharsets.UTF_8);
        Path sig = Files.writeString(dir.resolve("receipt.sig"), signature, StandardCharsets.US_ASCII);
        b.chooseFile("receiptUpload:receiptFile", json);
        b.chooseFile("receiptUpload:signatureFile", sig);
        b.click("receiptUpload:checkReceipt");
        b.visible("receiptUpload:receiptHeadline", WORK);
        return b.text("receiptUpload:receiptHeadline");
    }

    /** The verdict's reasons (an empty list is not displayed, so it is read without waiting for it to show). */
    private static String reasons(ReportsBrowser b) {
        return b.driver.findElement(org.openqa.selenium.By.id("verdictReasons")).getText().trim();
    }

    private static String planted(String kind) throws Exception {
        for (var v : new com.fasterxml.jackson.databind.ObjectMapper().readTree(FIXTURE.resolve("ground-truth.json")
                .toFile()).get("violations")) {
            if (v.get("clinicIndex").asInt() == 0 && v.get("kind").asText().equals(kind)) {
                return v.get("objects").get("requestId").asText();
            }
        }
        throw new IllegalStateException("no " + kind + " planted at clinic-north");
    }

    private static String pdfText(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void awaitSynced(ReportsBrowser b, DemoFixture chain) {
        b.open("ledger/status.xhtml");
        b.waitUntil(SYNC, d -> "synced".equals(b.text("ledgerForm:phase"))
                && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
    }
}
