package org.custos.portal.it.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * A finding's history and the dialogue on it (issue 16 items 5, 6, 11), in headless Chromium against the real portal
 * syncing the demo fixture (clinic-north = fixture clinic 0, clinic-south = clinic 1) with the real Keycloak sign-in.
 * The regulator is refused a no-op, an over-long reason (typed past the browser's limit) and an ACCEPTED without a
 * reason, each beside the button and with nothing in the history; then changes the status, which the history shows
 * with who, when and why. The officer of clinic-north responds with a reference; the officer of clinic-south, who
 * gets 404 for that finding, forges a response to it from their own finding's form and is refused by the server;
 * the regulator then reads the officer's response beside the status change and nothing of clinic-south's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FindingDialogueIT {

    private static final Pattern KEY = Pattern.compile("[?&]key=([^&]+)");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})? UTC");
    private static final String NOT_FOUND = "Finding not found";

    private static Anvil anvil;
    private static final String REASON = "Clinic confirmed the keys' destruction by letter, ticket REG-" + System.nanoTime();
    private static final String RESPONSE = "Keys destroyed on 2 March; KMS record attached, ticket CO-" + System.nanoTime();
    private static final String REFERENCE = "DMS-2026-0415 (https://dms.clinic-north.example/doc/415)";
    private static final String FORGED = "Forged by another clinic " + System.nanoTime();

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = Deployments.demoConfig(chain, anvil.url());
        return Deployments.portalWar(config, "the demo's ledger settings (scripts/lib/portal.sh) for this test's anvil");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    @Order(1)
    void theRegulatorIsRefusedOnTheServerBesideTheButtonThenChangesTheStatusWhichTheHistoryShows() throws Exception {
        String key = northKey();
        try (PortalBrowser b = new PortalBrowser()) {
            String head = Long.toString(DemoFixture.get().head);
            b.signIn("regulator", "ledger/status.xhtml");
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && head.equals(b.text("ledgerForm:verifiedNumber")));
            openEvaluated(b, key);
            assertEquals(200, status(b));
            assertEquals("OPEN", b.text("status"));
            assertTrue(b.text("history").contains("No status change and no response yet."), b.text("history"));
            String rule = b.text("ruleCard");
            assertTrue(rule.contains("GDPR Art 17(1)") && rule.contains("keys registered to the subject"), rule);
            assertFalse(rule.contains("[") || rule.contains("`") || rule.contains("S:"), rule);

            // a no-op: the status it already has
            b.clickCentred("findingForm:save");
            assertTrue(b.text("findingForm:saveMessage").contains("already OPEN"), b.text("findingForm:saveMessage"));

            // 2,001 characters, past the browser's maxlength (set by script, as a forged request would)
            b.selectOne("findingForm:newStatus", "ACKNOWLEDGED");
            assertEquals(2001L, overLong(b, "findingForm:reason", "x"));
            b.clickCentred("findingForm:save");
            // the service's own constraint (Bean Validation), not only the entity's check behind it
            assertTrue(b.text("findingForm:saveMessage").contains("longer than 2000 characters; nothing was changed"),
                    b.text("findingForm:saveMessage"));
            assertEquals("OPEN", b.text("status"));

            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", " ");
            b.clickCentred("findingForm:save");
            assertTrue(b.text("findingForm:saveMessage").contains("needs a reason"),
                    b.text("findingForm:saveMessage"));
            assertEquals("OPEN", b.text("status"));

            b.open(findingPath(key));
            assertEquals("OPEN", b.text("status"), "a refused change was stored");
            assertTrue(b.text("history").contains("No status change and no response yet."), b.text("history"));

            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", REASON);
            b.clickCentred("findingForm:save");
            b.waitUntil(Duration.ofSeconds(30), d -> "ACCEPTED".equals(b.text("status")));
            b.open(findingPath(key));
            List<String> rows = historyRows(b);
            assertEquals(1, rows.size(), rows.toString());
            String row = rows.get(0);
            assertTrue(row.contains("regulator") && row.contains("OPEN \u2192 ACCEPTED") && row.contains(REASON), row);
            assertTrue(TIME.matcher(row).find(), "no time in the portal's format: " + row);
            assertEquals("1 entry", b.text("history:historyCount"));
            b.screenshot("finding-history-regulator");
        }
    }

    @Test
    @Order(2)
    void theOfficerOfTheClinicRespondsWithAReference() throws Exception {
        String key = northKey();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", findingPath(key));
            assertEquals(key, b.text("findingKey"));
            assertFalse(b.present("findingForm:save"), "an officer was offered the regulator's status change");
            assertTrue(b.text("history").contains(REASON), b.text("history"));

            assertEquals(2001L, overLong(b, "responseForm:note", "y"));
            b.clickCentred("responseForm:respond");
            assertTrue(b.text("responseForm:respondMessage")
                    .contains("longer than 2000 characters; nothing was stored"), b.text("responseForm:respondMessage"));
            assertEquals(1, historyRows(b).size());

            b.type("responseForm:note", RESPONSE);
            b.type("responseForm:reference", REFERENCE);
            b.clickCentred("responseForm:respond");
            assertTrue(b.text("responseForm:respondMessage").contains("Response added"),
                    b.text("responseForm:respondMessage"));
            b.open(findingPath(key));
            List<String> rows = historyRows(b);
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(1).contains("officer-north") && rows.get(1).contains("compliance officer")
                    && rows.get(1).contains(RESPONSE) && rows.get(1).contains(REFERENCE), rows.get(1));
            b.screenshot("finding-response-officer");
        }
    }

    @Test
    @Order(3)
    void anotherClinicsOfficerGets404AndAForgedResponseIsRefusedByTheServer() throws Exception {
        String north = northKey();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-south", findingPath(north));
            assertEquals(NOT_FOUND, b.text("pageTitle"));
            assertEquals(404, status(b));
            assertFalse(b.present("findingPanel"));
            assertFalse(b.source().contains(RESPONSE), "another clinic's response shown");

            // a key that does not exist: the same page, the same status
            b.open(findingPath("GDPR-ER-01|" + DemoFixture.get().clinicIds.get(0) + "|none"));
            assertEquals(NOT_FOUND, b.text("pageTitle"));
            assertEquals(404, status(b));
            b.open("compliance/finding.xhtml");
            assertEquals(NOT_FOUND, b.text("pageTitle"));
            assertEquals(404, status(b));

            // the officer's own finding, its response form pointed at clinic-north's finding
            String own = ownFindingKey(b);
            b.open(findingPath(own));
            assertEquals(own, b.text("findingKey"));
            ((JavascriptExecutor) b.driver).executeScript(
                    "document.getElementById('responseForm:key').value = arguments[0];", north);
            b.type("responseForm:note", FORGED);
            b.clickCentred("responseForm:respond");
            assertTrue(b.text("responseForm:respondMessage").contains("no finding with this key that you may see"),
                    b.text("responseForm:respondMessage"));
            b.open(findingPath(own));
            assertFalse(b.text("history").contains(FORGED), "the forged response landed on the own finding");
        }
    }

    @Test
    @Order(4)
    void theRegulatorReadsTheResponseBesideTheStatusChangeAndAMissingKeyIs404() throws Exception {
        String key = northKey();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", findingPath(key));
            List<String> rows = historyRows(b);
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(0).contains("OPEN \u2192 ACCEPTED") && rows.get(0).contains(REASON), rows.get(0));
            assertTrue(rows.get(1).contains("Response") && rows.get(1).contains(RESPONSE)
                    && rows.get(1).contains(REFERENCE) && rows.get(1).contains("officer-north"), rows.get(1));
            assertTrue(TIME.matcher(rows.get(1)).find(), rows.get(1));
            assertFalse(b.source().contains(FORGED), "the forged response was stored");
            assertEquals("2 entries", b.text("history:historyCount"));
            b.screenshot("finding-history-regulator-response");

            b.open(findingPath("NO-SUCH-RULE|0x00|nothing"));
            assertEquals(NOT_FOUND, b.text("pageTitle"));
            assertEquals(404, status(b));
        }
    }

    /** Opens the finding, reloading until the chain evaluation after the sync has stored it. */
    private static void openEvaluated(PortalBrowser b, String key) {
        b.waitUntil(Duration.ofMinutes(2), d -> {
            b.open(findingPath(key));
            return b.present("findingKey");
        });
    }

    /** The first finding of the signed-in officer's own clinic, once the chain evaluation has stored some. */
    private static String ownFindingKey(PortalBrowser b) {
        b.waitUntil(Duration.ofMinutes(2), d -> {
            b.open("compliance/findings.xhtml");
            return !d.findElements(By.cssSelector("a.custos-finding-link")).isEmpty();
        });
        WebElement link = b.driver.findElements(By.cssSelector("a.custos-finding-link")).get(0);
        Matcher m = KEY.matcher(link.getAttribute("href"));
        assertTrue(m.find(), link.getAttribute("href"));
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    /**
     * Fills the text area {@code id} with 2,001 copies of {@code c} past the browser's limit, as a forged request
     * would send them (the limit attribute removed, the value set by script); returns the length the field holds.
     */
    private static long overLong(PortalBrowser b, String id, String c) {
        return (Long) ((JavascriptExecutor) b.driver).executeScript("var e = document.getElementById(arguments[0]);"
                + " e.removeAttribute('maxlength'); e.value = arguments[1].repeat(2001); return e.value.length;",
                id, c);
    }

    /** The HTTP status of the page the browser shows (the navigation's response). */
    private static int status(PortalBrowser b) {
        Object s = ((JavascriptExecutor) b.driver).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus;");
        return ((Number) s).intValue();
    }

    private static List<String> historyRows(PortalBrowser b) {
        b.visible("history");
        return b.driver.findElements(By.cssSelector("[id='history'] tbody tr[data-ri]")).stream()
                .map(WebElement::getText).toList();
    }

    private static String findingPath(String key) {
        return "compliance/finding.xhtml?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** The key of clinic-north's planted late erasure (a rule on the chain alone: no bundle upload needed). */
    private static String northKey() throws Exception {
        String north = DemoFixture.get().clinicIds.get(0);
        Path dir = Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo"));
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        for (JsonNode v : truth.get("violations")) {
            if (v.get("clinic").asText().equals(north) && v.get("kind").asText().equals("LATE_ERASURE")) {
                return v.get("rule").asText() + "|" + north + "|requestId:" + v.get("objects").get("requestId").asText();
            }
        }
        throw new IllegalStateException("no LATE_ERASURE planted at " + north);
    }
}
