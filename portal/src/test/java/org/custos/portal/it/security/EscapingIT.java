package org.custos.portal.it.security;

import static org.custos.portal.it.security.Inert.assertInert;
import static org.custos.portal.it.security.Inert.assertLiteral;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.PortalBrowser;
import org.custos.portal.reports.application.SignedReportFixture;
import org.custos.portal.reports.infrastructure.ReportTrustAnchor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
import org.opentest4j.AssertionFailedError;

/**
 * Output encoding (issue 17 item 6, ASVS V5.3): markup and script planted in every string the chain, a bundle or a
 * person can bring into the portal, then every page that shows them opened in headless Chromium as the role that
 * sees it, and checked inert ({@link Inert}: no planted element, handler, script or javascript: URL in the DOM,
 * {@code window.__pwned} unset) with the typed texts shown literally, EL-looking text unevaluated.
 *
 * <ul>
 *   <li>Chain ({@link HostileChain}): bytes32 ids, pseudonym and recipient holding markup, EL and an RTL
 *       override, on the consortium's own contracts, and a plain transaction whose input is HTML around an e-mail
 *       address: the ledger status, clinic, block and event pages, the request page and queue, the findings and
 *       each finding (the ledger-wide hit among them) show hex and positions, never the bytes as text.</li>
 *   <li>People: the regulator's status reason, the officer's response and reference, the DPO's case note: the
 *       finding page's history, the request page's history and the trail; the findings CSV neutralises the reason's
 *       leading formula.</li>
 *   <li>Bundle: an upload whose file name is an {@code <img onerror>}, holding a manifest and an entry name with
 *       markup: the upload page names the file literally and refuses the bundle with the portal's own words;
 *       a name with a tag is refused by PrimeFaces' file-name check before the portal reads it; a bundle whose
 *       anchored document (a script) is filed under a path with markup is refused by the reader's allow-list of
 *       paths, its path not shown.</li>
 *   <li>Report check: a signed report whose signer's name (in a certificate of another CA) is an {@code <svg onload>}:
 *       refused, the name shown as text.</li>
 *   <li>Query parameters: markup in every parameter of every page (filters, sort keys, ids, keys) and in a path
 *       that is not found: no page reflects it as markup, none answers 5xx.</li>
 * </ul>
 * One deployment, one signed-in browser per role and test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscapingIT {

    private static final Pattern KEY = Pattern.compile("[?&]key=([^&]+)");
    private static final Pattern EVENT_ID = Pattern.compile("[?&]id=(\\d+)");
    private static HostileChain chain;
    /** The finding of the hostile clinic that the officer answers and the regulator triages. */
    private static String findingKey;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        chain = HostileChain.start();
        Properties config = new Properties();
        config.putAll(chain.config());
        // a trust anchor for the report check when the environment gives none (its CUSTOS_REPORTS_TRUST_ANCHOR wins)
        Path pem = Files.createDirectories(Path.of("target", "escaping-it")).resolve("trust-anchor.pem")
                .toAbsolutePath();
        Files.writeString(pem, ReportTrustAnchor.pem(List.of(SignedReportFixture.create(Instant.now(), "Escaping IT")
                .ca)), StandardCharsets.US_ASCII);
        config.put("custos.reports.trust-anchor", pem.toString().replace("\\", "/"));
        StringWriter text = new StringWriter();
        config.store(text, "ledger settings for EscapingIT's hostile anvil");
        return Deployments.portalWar()
                .addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    @Order(1)
    void chainBytesWithMarkupShowAsHexOnEveryLedgerAndCompliancePage() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            String head = Long.toString(chain.head);
            b.waitUntil(Duration.ofMinutes(2), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && head.equals(b.text("ledgerForm:verifiedNumber")));
            assertInert(b, "ledger status");

            StringBuilder seen = new StringBuilder();
            openInert(b, "ledger/clinic.xhtml?clinic=" + chain.clinicId, "the hostile clinic's ledger page", seen);
            Set<String> eventIds = new LinkedHashSet<>();
            for (WebElement link : b.driver.findElements(By.cssSelector("a[href*='event.xhtml']"))) {
                Matcher m = EVENT_ID.matcher(link.getAttribute("href"));
                if (m.find()) {
                    eventIds.add(m.group(1));
                }
            }
            assertTrue(eventIds.size() >= 4, "the clinic page links fewer events than were written: " + eventIds);
            for (long block : chain.blocks) {
                openInert(b, "ledger/block.xhtml?number=" + block, "block " + block, seen);
            }
            for (String id : eventIds) {
                openInert(b, "ledger/event.xhtml?id=" + id, "event " + id, seen);
            }
            openInert(b, "dpo/request.xhtml?id=" + chain.requestId, "the hostile request", seen);
            openInert(b, "dpo/requests.xhtml?clinic=" + chain.clinicId, "the request queue", seen);
            for (String hex : List.of(chain.clinicId, chain.requestId, chain.subject, chain.recipient,
                    chain.recordId)) {
                assertTrue(seen.toString().contains(hex), "no page showed the planted word as hex: " + hex);
            }

            List<String> keys = findingKeys(b);
            openInert(b, "index.xhtml", "the regulator's start page", seen);
            for (String key : keys.subList(0, Math.min(keys.size(), 12))) {
                openInert(b, findingPath(key), "finding " + key, seen);
            }
            assertTrue(keys.stream().anyMatch(k -> k.startsWith("GDPR-MIN-01")),
                    "the plain transaction's e-mail address was not found by the ledger-wide scan: " + keys);
        }
    }

    @Test
    @Order(2)
    void theOfficersResponseAndReferenceShowLiterallyAndAHostileUploadIsNamedLiterally() throws Exception {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "compliance/findings.xhtml");
            findingKey = findingKeys(b).get(0);
            b.open(findingPath(findingKey));
            b.type("responseForm:note", Inert.NOTE);
            b.type("responseForm:reference", Inert.REFERENCE);
            b.clickCentred("responseForm:respond");
            b.waitUntil(Duration.ofSeconds(30), d -> Inert.text(b, "history").contains(Inert.NOTE));
            b.open(findingPath(findingKey));
            assertInert(b, "the finding page with the officer's response");
            assertLiteral(b, "history", Inert.NOTE, "the officer's response");
            assertLiteral(b, "history", Inert.REFERENCE, "the officer's reference");

            // a name with < > is refused by PrimeFaces' own file-name check before the portal reads a byte
            b.open("evidence/upload.xhtml");
            b.chooseFile("uploadForm:bundle", HostileBundles.refused(Inert.FILE_NAME, chain.clinicId));
            b.waitUntil(Duration.ofMinutes(1), Duration.ofMillis(300), d -> Inert.text(b).contains("File Error"));
            assertInert(b, "the upload page after a file named with markup");
            assertFalse(b.present("uploadForm:job"), "a file named with markup reached the verification");

            // a name without < > but with quotes, EL, an entity and an RTL override reaches the portal
            b.open("evidence/upload.xhtml");
            b.chooseFile("uploadForm:bundle", HostileBundles.refused(Inert.QUOTED_FILE_NAME, chain.clinicId));
            b.visible("uploadForm:rejectedMessage", Duration.ofMinutes(1));
            assertInert(b, "the upload page after a hostile bundle");
            assertLiteral(b, "uploadForm:jobFile", Inert.QUOTED_FILE_NAME, "the uploaded file's name");
            String refusal = b.text("uploadForm:rejectedMessage");
            assertTrue(refusal.startsWith("Bundle refused (") && refusal.endsWith("Nothing was stored."), refusal);
            assertFalse(Inert.text(b).contains("__pwned=42") || Inert.text(b).contains("__pwned=43"),
                    "the bundle's own text reached the page: " + refusal);

            // a report signed under another CA by a signer whose name is markup: refused, the name shown as text
            Path pdf = Files.write(Files.createTempDirectory("custos-escaping-").resolve("foreign.pdf"),
                    SignedReportFixture.create(Instant.now().truncatedTo(ChronoUnit.SECONDS), Inert.SIGNER_NAME)
                            .signedReport("CUSTOS-ES-1", SignedReportFixture.evidence(List.of(new long[] {1, 1}),
                                    n -> "0x" + String.format("%064x", n))));
            b.open("reports/verify.xhtml");
            b.driver.findElement(By.id("verify:file")).sendKeys(pdf.toAbsolutePath().toString());
            b.driver.findElement(By.id("verify:check")).click();
            b.waitUntil(Duration.ofSeconds(60), Duration.ofMillis(300), d -> b.present("verify:result"));
            assertInert(b, "the report check of a report whose signer's name is markup");
            assertLiteral(b, "verify:result", Inert.SIGNER_TEXT, "the foreign signer's name");

            // a well-formed bundle but for its anchored document's path, which holds markup: the reader's allow-list
            // of paths refuses it, in the portal's words
            b.open("evidence/upload.xhtml");
            b.chooseFile("uploadForm:bundle", HostileBundles.withDocument(chain.clinicId));
            b.visible("uploadForm:rejectedMessage", Duration.ofMinutes(1));
            assertInert(b, "the upload page after a bundle with a document named with markup");
            assertTrue(b.text("uploadForm:rejectedMessage").startsWith("Bundle refused (UNLISTED_FILE)"),
                    b.text("uploadForm:rejectedMessage"));
            assertFalse(Inert.text(b).contains("__pwned=61"), "the document's path reached the page");
            b.open("evidence/upload.xhtml");
            assertInert(b, "the upload page listing past verifications");
        }
    }

    @Test
    @Order(3)
    void theDposCaseNoteShowsLiterallyOnTheRequestPage() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("dpo-north", "dpo/request.xhtml?id=" + chain.requestId);
            b.type("caseForm:note", Inert.CASE_NOTE);
            b.clickCentred("caseForm:review");
            b.waitUntil(Duration.ofSeconds(30), d -> Inert.text(b, "history").contains(Inert.CASE_NOTE));
            b.open("dpo/request.xhtml?id=" + chain.requestId);
            assertInert(b, "the request page with the DPO's note");
            assertLiteral(b, "history", Inert.CASE_NOTE, "the DPO's case note");
            b.open("index.xhtml");
            assertInert(b, "the DPO's start page");
        }
    }

    @Test
    @Order(4)
    void theRegulatorsReasonShowsLiterallyOnTheFindingAndEveryTextOnTheTrailAndTheCsvNeutralisesFormulas() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", findingPath(findingKey));
            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", Inert.REASON);
            b.clickCentred("findingForm:save");
            b.waitUntil(Duration.ofSeconds(30), d -> "ACCEPTED".equals(b.text("status")));
            b.open(findingPath(findingKey));
            assertInert(b, "the finding page with the regulator's reason and the officer's response");
            assertLiteral(b, "history", Inert.REASON, "the regulator's reason");
            assertLiteral(b, "history", Inert.NOTE, "the officer's response");

            b.open("trail/entries.xhtml");
            assertInert(b, "the trail");
            assertLiteral(b, null, Inert.REASON, "the reason on the trail");
            assertLiteral(b, null, Inert.NOTE, "the response on the trail");
            assertLiteral(b, null, Inert.REFERENCE, "the reference on the trail");
            assertLiteral(b, null, Inert.CASE_NOTE, "the case note on the trail");

            b.open("compliance/findings.xhtml");
            assertInert(b, "the findings with an accepted finding");
            String csv = fetch(b, "compliance/export/findings.csv");
            // the reason's cell: apostrophe first (a spreadsheet shows it as text), then quoted (it holds quotes)
            String cell = "\"'" + Inert.REASON.replace("\"", "\"\"") + "\"";
            assertTrue(csv.contains(cell), "the findings CSV does not neutralise the reason's formula: " + csv);
        }
    }

    @Test
    @Order(5)
    void markupInEveryQueryParameterOfEveryPageIsNeitherReflectedAsMarkupNorAnError() {
        String p = URLEncoder.encode(Inert.PARAMETER, StandardCharsets.UTF_8);
        List<String> paths = List.of(
                "compliance/findings.xhtml?rule=" + p + "&severity=" + p + "&status=" + p + "&clinic=" + p
                        + "&current=" + p + "&sort=" + p + "&dir=" + p,
                "compliance/finding.xhtml?key=" + p,
                "compliance/readiness.xhtml?clinic=" + p,
                "trail/entries.xhtml?user=" + p + "&action=" + p + "&clinic=" + p + "&from=" + p + "&to=" + p,
                "dpo/requests.xhtml?state=" + p + "&type=" + p + "&regime=" + p + "&from=" + p + "&to=" + p
                        + "&extended=" + p + "&clinic=" + p + "&sort=" + p + "&order=" + p,
                "dpo/request.xhtml?id=" + p + "&clinic=" + p,
                "ledger/clinic.xhtml?clinic=" + p,
                "ledger/block.xhtml?number=" + p,
                "ledger/event.xhtml?id=" + p,
                "reports/register.xhtml?clinic=" + p,
                "compliance/" + p + ".xhtml");
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "index.xhtml");
            for (String path : paths) {
                b.open(path);
                assertInert(b, path);
                int status = ((Number) ((JavascriptExecutor) b.driver).executeScript(
                        "return performance.getEntriesByType('navigation')[0].responseStatus;")).intValue();
                assertTrue(status < 500, path + " answered " + status);
            }
        }
    }

    @Test
    @Order(6)
    void theCheckItselfFindsATagPlantedInTheDomAndAScriptThatRan() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "compliance/findings.xhtml");
            assertInert(b, "the findings page before planting");
            JavascriptExecutor js = (JavascriptExecutor) b.driver;
            js.executeScript("document.body.insertAdjacentHTML('beforeend', arguments[0]);",
                    "<svg onload=\"window.__pwned=97\" data-es=\"self\"></svg>");
            // as a planted script that ran would (set by the driver: no page policy applies to it)
            js.executeScript("window.__pwned = 98;");
            AssertionFailedError caught = assertThrows(AssertionFailedError.class,
                    () -> assertInert(b, "the findings page with a planted tag"));
            assertTrue(caught.getMessage().contains("planted element <svg")
                    && caught.getMessage().contains("window.__pwned = 9")
                    && caught.getMessage().contains("handler onload on svg"), caught.getMessage());
        }
    }

    /** Opens {@code path}, asserts it inert and that it shows no planted script text, and keeps its text. */
    private static void openInert(PortalBrowser b, String path, String page, StringBuilder seen) {
        b.open(path);
        assertInert(b, page);
        String text = Inert.text(b);
        assertFalse(text.contains("__pwned"), page + " shows chain bytes as text: " + b.url());
        seen.append(text).append('\n');
    }

    /** The keys on the findings page, once the chain evaluation after the sync has stored some. */
    private static List<String> findingKeys(PortalBrowser b) {
        b.waitUntil(Duration.ofMinutes(2), d -> {
            b.open("compliance/findings.xhtml");
            return !d.findElements(By.cssSelector("a.custos-finding-link")).isEmpty();
        });
        assertInert(b, "the findings page");
        List<String> keys = new ArrayList<>();
        for (WebElement link : b.driver.findElements(By.cssSelector("a.custos-finding-link"))) {
            Matcher m = KEY.matcher(link.getAttribute("href"));
            assertTrue(m.find(), link.getAttribute("href"));
            keys.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        }
        return keys;
    }

    private static String findingPath(String key) {
        return "compliance/finding.xhtml?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** The text of a GET in the browser's session (same cookies as the pages). */
    private static String fetch(PortalBrowser b, String path) {
        Object text = ((JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.text(); })"
                        + ".then(done, function (e) { done('fetch failed: ' + e); });",
                PortalBrowser.BASE + path);
        return (String) text;
    }
}
