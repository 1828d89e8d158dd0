package org.custos.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.PortalBrowser;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The Content-Security-Policy in Chromium (issue 17 item 1; docs/security.md "Response headers and CSP"): each role
 * signs in, opens the pages it uses and uses their ajax parts (paging, filters, the upload, a status change, the
 * sign-out redirect to Keycloak), and Chromium's console shows no CSP violation while every page works, with
 * PrimeFaces' nonce in force; a test-only page with planted script (an inline script, an event handler, a
 * javascript: link, eval and the Function constructor from the portal's own script) runs none of it. Over HTTP:
 * exactly one CSP header, the nonce the page's scripts carry; no product or version in headers or error pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CspBrowserIT {

    private static final String PLANTED = "csp-planted.xhtml";
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final List<String> BANNERS = List.of("payara", "glassfish", "grizzly", "mojarra", "0.1.0");

    private static Anvil anvil;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = Deployments.demoConfig(chain, anvil.url());
        return Deployments.portalWar(config, "the demo's ledger settings for this test's anvil")
                .addAsWebResource(new ClassLoaderAsset("csp/planted.xhtml"), PLANTED)
                .addAsWebResource(new ClassLoaderAsset("csp/eval-probe.js"), "resources/js/csp-eval-probe.js");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    @Order(1)
    void theRegulatorsPagesAndTheirAjaxRunWithoutAViolation() throws Exception {
        DemoFixture chain = DemoFixture.get();
        Path notAZip = textFileNamedZip();
        try (CspBrowser b = new CspBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            Map<String, List<String>> found = new LinkedHashMap<>();
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase")));
            page(b, found, "ledger/status.xhtml");
            assertFalse(b.text("version").isBlank(), "the regulator sees the version on the ledger page");
            for (String path : List.of("index.xhtml", "ledger/clinics.xhtml", "ledger/block.xhtml?number=1",
                    "ledger/clinic.xhtml?clinic=" + chain.clinicIds.get(0), "compliance/readiness.xhtml",
                    "reports/register.xhtml", "reports/verify.xhtml", "dpo/requests.xhtml")) {
                page(b, found, path);
            }
            nextPage(b, "clinicForm:events");
            check(b, found, "ledger clinic paging");

            page(b, found, "trail/entries.xhtml");
            b.clickCentred("trailForm:verify");
            assertTrue(b.text("trailForm:verdictText").contains("intact"), b.text("trailForm:verdictText"));
            nextPage(b, "trailForm:entries");
            check(b, found, "trail verify and paging");

            page(b, found, "compliance/findings.xhtml?current=false");
            nextPage(b, "findingsForm:findings");
            check(b, found, "findings paging");
            // the on-chain rules run in the background once the sync has verified the chain: wait for their findings
            b.waitUntil(Duration.ofMinutes(2), d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("a.custos-finding-link")).isEmpty();
            });
            check(b, found, "findings after the chain's evaluation");
            String finding = b.driver.findElement(By.cssSelector("a.custos-finding-link")).getAttribute("href");
            b.driver.get(finding);
            b.visible("findingKey");
            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", "accepted in the CSP test: the clinic explained it");
            b.clickCentred("findingForm:save");
            b.waitUntil(Duration.ofSeconds(30), d -> "ACCEPTED".equals(b.text("status")));
            check(b, found, "finding status change");

            page(b, found, "evidence/upload.xhtml");
            b.selectOne("uploadForm:clinic", chain.clinicIds.get(0));
            uploadIsRefused(b, found, notAZip);
            page(b, found, "reports/issue.xhtml");
            chooseReportKind(b, "DISCLOSURE_ACCOUNTING");
            check(b, found, "report kind change");

            page(b, found, "no-such-page.xhtml");
            assertTrue(b.source().contains("errorTitle"), "the portal's 404 page");
            page(b, found, "index.xhtml"); // public error pages show no sign-out button
            b.signOut();
            check(b, found, "sign-out through Keycloak and the signed-out page");
            assertNoViolation(b, found);
        } finally {
            Files.deleteIfExists(notAZip);
        }
    }

    @Test
    @Order(2)
    void theOfficersAndTheDposPagesRunWithoutAViolation() throws Exception {
        Path notAZip = textFileNamedZip();
        try (CspBrowser officer = new CspBrowser()) {
            officer.signIn("officer-north", "index.xhtml");
            Map<String, List<String>> found = new LinkedHashMap<>();
            check(officer, found, "officer's start page");
            for (String path : List.of("ledger/status.xhtml", "ledger/clinic.xhtml", "compliance/findings.xhtml",
                    "compliance/readiness.xhtml", "dpo/requests.xhtml", "reports/register.xhtml")) {
                page(officer, found, path);
            }
            page(officer, found, "evidence/upload.xhtml");
            uploadIsRefused(officer, found, notAZip);
            officer.signOut();
            check(officer, found, "sign-out");
            assertNoViolation(officer, found);
        } finally {
            Files.deleteIfExists(notAZip);
        }
        try (CspBrowser dpo = new CspBrowser()) {
            dpo.signIn("dpo-north", "index.xhtml");
            Map<String, List<String>> found = new LinkedHashMap<>();
            check(dpo, found, "DPO's start page");
            page(dpo, found, "dpo/requests.xhtml");
            dpo.clickCentred("requestsForm:apply");
            check(dpo, found, "requests filter");
            for (String path : List.of("compliance/findings.xhtml", "ledger/clinic.xhtml", "reports/issue.xhtml")) {
                page(dpo, found, path);
            }
            chooseReportKind(dpo, "ERASURE_CERTIFICATE");
            check(dpo, found, "report kind change");
            page(dpo, found, "evidence/upload.xhtml");
            assertEquals("Access denied", dpo.text("errorTitle"));
            dpo.signOut();
            check(dpo, found, "sign-out");
            assertNoViolation(dpo, found);
        }
    }

    @Test
    @Order(3)
    void aUserWithoutARoleSeesTheRefusalWithoutAViolation() {
        try (CspBrowser visitor = new CspBrowser()) {
            visitor.signIn("visitor", "index.xhtml");
            Map<String, List<String>> found = new LinkedHashMap<>();
            assertEquals("Access denied", visitor.text("errorTitle"));
            check(visitor, found, "403 page");
            // a status without a page of its own (GET on the sign-out servlet: 405) gets the portal's page too
            visitor.open("sign-out");
            assertEquals("Request not handled", visitor.text("errorTitle"));
            assertEquals("405", visitor.text("errorStatus"));
            String page = visitor.source().toLowerCase(java.util.Locale.ROOT);
            BANNERS.forEach(banner -> assertFalse(page.contains(banner), "the 405 page names " + banner));
            check(visitor, found, "405 page");
            visitor.open("index.xhtml"); // the 403 page of a protected address shows the sign-out button
            visitor.signOut();
            check(visitor, found, "sign-out");
            assertNoViolation(visitor, found);
        }
    }

    @Test
    @Order(4)
    void plantedScriptIsBlockedAndReported() {
        try (CspBrowser b = new CspBrowser()) {
            b.signIn("regulator", PLANTED);
            b.visible("plantedTitle");
            b.drain();
            b.driver.get(PortalBrowser.BASE + PLANTED);
            b.visible("plantedTitle");
            b.driver.findElement(By.id("plantedLink")).click();
            b.waitForAjax();
            JavascriptExecutor js = b.driver;
            assertNull(js.executeScript("return window.cspPlanted;"), "a planted script ran");
            assertEquals("eval-blocked,function-blocked", js.executeScript("return window.cspEvalProbe;"),
                    "the portal's own script could eval");
            assertEquals(Boolean.TRUE, js.executeScript("return !!(window.PrimeFaces && PrimeFaces.csp.NONCE_VALUE);"),
                    "PrimeFaces' nonce'd scripts still run on the same page");
            List<String> violations = CspBrowser.violations(b.drain());
            String all = String.join("\n", violations);
            assertTrue(all.contains("inline script"), all);
            assertTrue(all.contains("inline event handler"), all);
            assertTrue(all.contains("JavaScript URL"), all);
            // Chromium logs no console line for a refused eval: window.cspEvalProbe above proves it was refused
        }
    }

    @Test
    @Order(5)
    void oneCspHeaderCarriesThePagesNonceAndNoAnswerNamesTheServer() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = get(http, PortalBrowser.BASE + "signed-out.xhtml");
        List<String> csp = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, csp.size(), csp.toString());
        Matcher nonce = NONCE.matcher(csp.get(0));
        assertTrue(nonce.find(), csp.get(0));
        assertTrue(page.body().contains("nonce=\"" + nonce.group(1) + "\""), "the page's scripts carry the header's nonce");
        String scriptSrc = csp.get(0).substring(csp.get(0).indexOf("script-src"));
        assertFalse(scriptSrc.contains("unsafe") || csp.get(0).contains("unsafe-eval"), csp.get(0));

        for (String url : List.of(PortalBrowser.BASE + "reports/trust-anchor.pem", PortalBrowser.BASE + "error/404.xhtml",
                PortalBrowser.BASE + "no-such-page.xhtml", PortalBrowser.BASE + "sign-out",
                PortalBrowser.BASE.replace("/custos/", "/no-such-application/"))) {
            HttpResponse<String> answer = get(http, url);
            assertEquals(List.of(), answer.headers().allValues("Server"), url);
            assertEquals(List.of(), answer.headers().allValues("X-Powered-By"), url);
            if (url.startsWith(PortalBrowser.BASE)) {
                // the portal's answers only: outside /custos/ the container's own 404 page names Payara Micro
                // (docs/operations.md "TLS and HSTS": not covered; the proxy forwards only /custos/)
                String body = answer.body().toLowerCase(java.util.Locale.ROOT);
                for (String banner : BANNERS) {
                    assertFalse(body.contains(banner), url + " names " + banner + ": " + answer.body());
                }
                assertEquals(1, answer.headers().allValues("Content-Security-Policy").size(), url);
                assertEquals(List.of("DENY"), answer.headers().allValues("X-Frame-Options"), url);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens {@code path}, waits for its ajax, and records the violations logged while it loaded. */
    private static void page(CspBrowser b, Map<String, List<String>> found, String path) {
        b.open(path);
        check(b, found, path);
    }

    /** Records what the console reported since the last check, and that PrimeFaces' CSP mode is in force. */
    private static void check(CspBrowser b, Map<String, List<String>> found, String step) {
        b.waitForAjax();
        List<String> lines = b.drain();
        List<String> bad = new ArrayList<>(CspBrowser.violations(lines));
        bad.addAll(CspBrowser.permissionsPolicyErrors(lines));
        Object nonce = b.driver.executeScript("return window.PrimeFaces ? PrimeFaces.csp.NONCE_VALUE : 'no PrimeFaces';");
        if (nonce == null || nonce.toString().isEmpty()) {
            bad.add("PrimeFaces' CSP nonce is not set on " + b.url());
        }
        if (!bad.isEmpty()) {
            found.put(step + " (" + b.url() + ")", bad);
        }
    }

    private static void assertNoViolation(CspBrowser b, Map<String, List<String>> found) {
        assertTrue(found.isEmpty(), "CSP violations: " + found + "\nwhole console:\n" + String.join("\n", b.console()));
    }

    /** Goes to the next page of the table {@code id} when it has one, and checks that it moved. */
    private static void nextPage(CspBrowser b, String id) {
        List<WebElement> next = b.driver.findElements(By.cssSelector("[id='" + id + "'] .ui-paginator-next"));
        if (next.isEmpty() || next.get(0).getAttribute("class").contains("ui-state-disabled")) {
            return;
        }
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", next.get(0));
        b.waitForAjax();
        b.waitUntil(Duration.ofSeconds(30), d -> "2".equals(d.findElement(By.cssSelector(
                "[id='" + id + "'] .ui-paginator-page.ui-state-active")).getText()));
    }

    /** Chooses a report kind that needs a subject: the ajax change shows the subject field. */
    private static void chooseReportKind(CspBrowser b, String kind) {
        b.driver.executeScript("var w = PrimeFaces.getWidgetById('issue:kind'); w.selectValue(arguments[0]); w.triggerChange();",
                kind);
        b.waitForAjax();
        b.visible("issue:subject");
    }

    /** On the upload page: a text file named .zip goes up through PrimeFaces' upload and is refused. */
    private static void uploadIsRefused(CspBrowser b, Map<String, List<String>> found, Path notAZip) {
        b.chooseFile("uploadForm:bundle", notAZip);
        b.visible("uploadForm:rejectedMessage", Duration.ofMinutes(2));
        assertTrue(b.text("uploadForm:rejectedMessage").contains("NOT_A_ZIP"), b.text("uploadForm:rejectedMessage"));
        check(b, found, "upload refused");
    }

    private static Path textFileNamedZip() throws Exception {
        Path fake = Files.createTempFile("not-a-bundle-", ".zip");
        Files.writeString(fake, "this is a text file, not an evidence bundle\n");
        return fake;
    }
}
