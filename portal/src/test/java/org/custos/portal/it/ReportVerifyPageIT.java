package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.reports.application.SignedReportFixture;
import org.custos.reports.sign.SigningCredentials;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verify page ({@code /reports/verify.xhtml}) in headless Chromium on the real WAR, signed in through Keycloak:
 * a report signed with the portal's key is VERIFIED; one changed byte, an appended incremental update, a report
 * signed by another CA's key, a non-PDF, no file and a 0-byte file are each REFUSED with their reason; no upload
 * produces an error page or changes the register. Also: the trust anchor is public and is the portal's CA; an
 * unknown report id is the portal's 404 page.
 *
 * <p>The portal's key: the test environment's report keystore ({@code CUSTOS_REPORTS_KEYSTORE}, its password and
 * {@code CUSTOS_REPORTS_TRUST_ANCHOR}, scripts/lib/reports-pki.sh) when it is set; otherwise a CA made here, whose
 * PEM the deployed WAR is configured to trust ({@code custos.reports.trust-anchor} in its MicroProfile Config file).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportVerifyPageIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Path DIR = Path.of("target", "report-verify-it");
    private static SigningCredentials portalKey;
    private static String anchorPem;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        WebArchive war = Deployments.portalWar();
        Files.createDirectories(DIR);
        String keystore = System.getenv("CUSTOS_REPORTS_KEYSTORE");
        String anchor = System.getenv("CUSTOS_REPORTS_TRUST_ANCHOR");
        if (keystore != null && !keystore.isBlank() && anchor != null && !anchor.isBlank()) {
            String password = System.getenv().getOrDefault("CUSTOS_REPORTS_KEYSTORE_PASSWORD", "");
            portalKey = SigningCredentials.fromPkcs12(Path.of(keystore), password.toCharArray());
            anchorPem = Files.readString(Path.of(anchor), StandardCharsets.US_ASCII);
        } else {
            SignedReportFixture ca = SignedReportFixture.create(NOW, "Portal IT");
            portalKey = ca.credentials();
            Path pem = DIR.resolve("trust-anchor.pem").toAbsolutePath();
            anchorPem = org.custos.portal.reports.infrastructure.ReportTrustAnchor.pem(List.of(ca.ca));
            Files.writeString(pem, anchorPem, StandardCharsets.US_ASCII);
            war.addAsResource(new StringAsset("custos.reports.trust-anchor=" + pem.toString().replace("\\", "/")
                    + "\n"), "META-INF/microprofile-config.properties");
        }
        return war;
    }

    @Test
    void eachUploadGetsItsVerdictAndNothingIsStored() throws Exception {
        byte[] own = SignedReportFixture.signedReport(portalKey, NOW, "CUSTOS-IT-VERIFY-1",
                SignedReportFixture.evidence(List.of(new long[] {1, 1}, new long[] {2, 2}),
                        n -> "0x" + String.format("%064x", n)));
        byte[] foreign = SignedReportFixture.create(NOW, "Elsewhere").signedReport("CUSTOS-IT-VERIFY-2",
                SignedReportFixture.evidence(List.of(new long[] {1, 1}), n -> "0x" + String.format("%064x", n)));
        String registerBefore;
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "reports/register.xhtml");
            registerBefore = b.text("register:reports");
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "reports/verify.xhtml");
            List<String> results = new ArrayList<>();
            results.add(verify(b, file("own.pdf", own)));
            assertTrue(results.get(0).startsWith("VERIFIED"), results.get(0));
            assertTrue(b.text("verify:signer").contains(portalKey.certificate().getSubjectX500Principal().getName()
                    .split(",")[0].substring(3)), b.text("verify:signer"));
            assertTrue(b.text("verify:ledgerSummary").contains("the evidence"), b.text("verify:ledgerSummary"));
            assertTrue(b.text("verify:registerSummary").startsWith("Not issued by this portal"));
            b.screenshot("report-verify-verified");

            expectRefused(b, file("changed.pdf", SignedReportFixture.oneByteChanged(own)), "DIGEST_MISMATCH");
            expectRefused(b, file("updated.pdf", SignedReportFixture.incrementalUpdateAppended(own)), "NOT_WHOLE_FILE");
            expectRefused(b, file("foreign.pdf", foreign), "CERTIFICATE_UNTRUSTED");
            expectRefused(b, file("text.pdf", "not a PDF\n".getBytes(StandardCharsets.US_ASCII)), "MALFORMED_PDF");
            expectRefused(b, file("empty.pdf", new byte[0]), "EMPTY_FILE");
            b.screenshot("report-verify-refused");
            expectRefused(b, null, "NO_FILE");
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "reports/register.xhtml");
            assertEquals(registerBefore, b.text("register:reports"), "the verify page stored a report");
            b.open("trail/entries.xhtml");
            assertTrue(b.text("trailForm:entries").contains("REPORT_VERIFIED"), b.text("trailForm:entries"));
        }
    }

    @Test
    void theTrustAnchorIsPublicAndIsThePortalsCa() throws Exception {
        HttpResponse<byte[]> res = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(PortalBrowser.BASE + "reports/trust-anchor.pem")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, res.statusCode(), new String(res.body(), StandardCharsets.UTF_8));
        assertEquals("application/x-pem-file", res.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse(""));
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        assertEquals(new ArrayList<>(x509.generateCertificates(
                        new ByteArrayInputStream(anchorPem.getBytes(StandardCharsets.US_ASCII)))),
                new ArrayList<>(x509.generateCertificates(new ByteArrayInputStream(res.body()))));
    }

    @Test
    void anUnknownReportIsThePortals404AndTheRegisterRendersForAnOfficer() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "reports/register.xhtml");
            assertTrue(b.present("register:reports"));
            b.open("reports/download?id=CUSTOS-NO-SUCH-REPORT");
            assertEquals("Page not found", b.text("errorTitle"));
            b.open("reports/download?id=%22%3E%3Cscript%3E");
            assertEquals("Page not found", b.text("errorTitle"));
        }
    }

    /** Uploads {@code file} (null: none chosen), submits, and returns the result panel's text. */
    private static String verify(PortalBrowser b, Path file) {
        b.open("reports/verify.xhtml");
        if (file != null) {
            b.driver.findElement(By.id("verify:file")).sendKeys(file.toAbsolutePath().toString());
        }
        WebElement button = b.driver.findElement(By.id("verify:check"));
        button.click();
        WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.stalenessOf(button));
        wait.until(d -> !d.findElements(By.id("footer")).isEmpty());
        assertFalse(b.present("errorTitle"), "an error page instead of a verdict");
        return b.text("verify:result");
    }

    private static void expectRefused(PortalBrowser b, Path file, String reason) {
        String result = verify(b, file);
        assertTrue(result.startsWith("REFUSED " + reason), result);
        assertTrue(result.length() > ("REFUSED " + reason).length() + 5, "no reason in words: " + result);
    }

    private static Path file(String name, byte[] content) {
        try {
            return Files.write(DIR.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
