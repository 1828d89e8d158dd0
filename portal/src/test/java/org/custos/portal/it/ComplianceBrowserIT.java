package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.WebElement;

/**
 * The compliance and evidence pages in headless Chromium against the real portal syncing the demo fixture from
 * anvil (clinic-north = fixture clinic 0, clinic-south = clinic 1) with the real Keycloak sign-in. The officer of
 * clinic-north uploads their clinic's bundle through the page and gets as many findings as the fixture's ground
 * truth plants for that clinic, follows one to its proof path and legal source, and is refused a text file posing
 * as a zip; the regulator uploads clinic-south's bundle and accepts one of its findings with a reason, which the
 * trail shows; the officer of clinic-north then gets "not found" for that finding's key and never sees a row of
 * clinic-south on the dashboard, whatever the URL says.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceBrowserIT {

    private static final Pattern KEY = Pattern.compile("[?&]key=([^&]+)");
    private static final Duration VERIFICATION = Duration.ofMinutes(3);

    private static Anvil anvil;
    private static String southFindingKey;

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
    void officerUploadsTheClinicsBundleAndFollowsAFindingToItsProof() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        String south = chain.clinicIds.get(1);
        Path bundle = fixtureDir().resolve("bundles/clinic-0.zip");
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "ledger/status.xhtml");
            awaitSynced(b, chain);
            b.open("evidence/upload.xhtml");
            assertEquals(north, b.text("uploadForm:ownClinic"));
            b.chooseFile("uploadForm:bundle", bundle);
            b.visible("uploadForm:bundleHash", VERIFICATION);
            assertEquals(sha256(bundle), b.text("uploadForm:bundleHash"));
            assertEquals(north, b.text("uploadForm:resultClinic"));
            long expected = plantedFindings(north);
            assertEquals(Long.toString(expected), b.text("uploadForm:findingCount"));
            assertTrue(b.text("uploadForm:checkSummary").matches("\\d+ passed, \\d+ failed"),
                    b.text("uploadForm:checkSummary"));
            assertTrue(b.text("uploadForm:checks").contains("Checkpoint 1"), b.text("uploadForm:checks"));
            b.screenshot("evidence-upload-officer");

            b.driver.findElement(By.id("uploadForm:findingsLink")).click();
            b.visible("findingsForm:total");
            assertEquals(Long.toString(expected), b.text("findingsForm:total"));
            assertTrue(b.text("severityBars").contains("S1"), b.text("severityBars"));
            assertFalse(b.source().contains(south), "another clinic's id on the officer's dashboard");
            assertTrue(b.driver.findElement(By.id("exportCsv")).getAttribute("href")
                    .endsWith("/custos/compliance/export/findings.csv?current=true"));
            assertTrue(b.driver.findElement(By.id("accountingForm")).getAttribute("action")
                    .endsWith("/custos/compliance/export/disclosures.csv"));
            b.screenshot("compliance-findings-officer");

            String key = plantedKey(north, "LATE_ERASURE");
            b.open("compliance/finding.xhtml?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
            assertEquals(key, b.text("findingKey"));
            assertEquals("GDPR-ER-01", b.text("ruleId"));
            assertTrue(b.text("legalSource").contains("Art 17"), b.text("legalSource"));
            assertTrue(b.text("ruleText").contains("keys registered to the subject"), b.text("ruleText"));
            String proof = b.text("proofPath");
            assertTrue(proof.contains("receipts root") && proof.contains("pinned checkpoint"), proof);
            assertFalse(b.present("findingForm:save"), "an officer was offered the regulator's status change");
            b.screenshot("compliance-finding-officer");

            b.driver.findElements(By.cssSelector("#proofPath a.custos-event-link")).get(0).click();
            b.visible("eventClinic");
            assertTrue(b.text("eventClinic").contains(north), b.text("eventClinic"));
            assertTrue(b.text("proofPath").contains("Receipts root"), b.text("proofPath"));
        }
    }

    @Test
    @Order(2)
    void aTextFileNamedZipIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        Path fake = Files.createTempFile("not-a-bundle-", ".zip");
        Files.writeString(fake, "this is a text file, not an evidence bundle\n");
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "evidence/upload.xhtml");
            int before = rows(b, "uploadForm:bundles");
            b.chooseFile("uploadForm:bundle", fake);
            b.visible("uploadForm:rejectedMessage", VERIFICATION);
            String message = b.text("uploadForm:rejectedMessage");
            assertTrue(message.contains("NOT_A_ZIP") && message.contains("not a zip")
                    && message.contains("Nothing was stored"), message);
            assertFalse(b.present("uploadForm:bundleHash"));
            b.screenshot("evidence-upload-refused");
            b.open("evidence/upload.xhtml");
            assertEquals(before, rows(b, "uploadForm:bundles"));
        } finally {
            Files.deleteIfExists(fake);
        }
    }

    @Test
    @Order(3)
    void regulatorUploadsAnotherClinicsBundleAndAcceptsAFindingWithAReasonOnTheTrail() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        String reason = "Compensating control confirmed on site, ticket REG-" + System.nanoTime();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            awaitSynced(b, chain);
            b.open("evidence/upload.xhtml");
            b.selectOne("uploadForm:clinic", south);
            // the server has the choice before the file goes
            b.waitUntil(Duration.ofSeconds(30), d -> south.equals(b.text("uploadForm:selectedClinic")));
            b.chooseFile("uploadForm:bundle", fixtureDir().resolve("bundles/clinic-1.zip"));
            b.visible("uploadForm:bundleHash", VERIFICATION);
            assertEquals(south, b.text("uploadForm:resultClinic"));
            assertEquals(Long.toString(plantedFindings(south)), b.text("uploadForm:findingCount"));

            b.open("compliance/findings.xhtml?clinic=" + south);
            assertEquals(Long.toString(plantedFindings(south)), b.text("findingsForm:total"));
            List<WebElement> links = b.driver.findElements(By.cssSelector("a.custos-finding-link"));
            assertFalse(links.isEmpty(), "no finding listed for " + south);
            Matcher m = KEY.matcher(links.get(0).getAttribute("href"));
            assertTrue(m.find(), links.get(0).getAttribute("href"));
            southFindingKey = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            assertTrue(southFindingKey.contains("|" + south + "|"), southFindingKey);

            b.open("compliance/finding.xhtml?key=" + URLEncoder.encode(southFindingKey, StandardCharsets.UTF_8));
            assertEquals("OPEN", b.text("status"));
            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", "");
            b.clickCentred("findingForm:save");
            assertEquals("OPEN", b.text("status"), "accepted without a reason");
            assertTrue(b.text("messages").contains("needs a reason"), b.text("messages"));

            b.type("findingForm:reason", reason);
            b.clickCentred("findingForm:save");
            b.waitUntil(Duration.ofSeconds(30), d -> "ACCEPTED".equals(b.text("status")));
            assertTrue(b.text("statusReason").contains(reason), b.text("statusReason"));
            b.screenshot("compliance-finding-accepted");

            b.open("trail/entries.xhtml");
            String trail = b.text("trailForm:entries");
            assertTrue(trail.contains("FINDING_STATUS_CHANGED") && trail.contains("OPEN -> ACCEPTED: " + reason),
                    trail);
        }
    }

    @Test
    @Order(4)
    void officerGetsNotFoundForAnotherClinicsFindingAndNoRowOfItOnTheDashboard() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        assertTrue(southFindingKey != null, "the regulator's test found no finding of " + south);
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "compliance/findings.xhtml");
            b.open("compliance/finding.xhtml?key=" + URLEncoder.encode(southFindingKey, StandardCharsets.UTF_8));
            assertEquals("Finding not found", b.text("pageTitle"));
            assertFalse(b.present("findingPanel"));
            assertFalse(b.present("proofPath"));

            b.open("compliance/finding.xhtml?key=" + URLEncoder.encode("GDPR-ER-01|" + south + "|none",
                    StandardCharsets.UTF_8));
            assertEquals("Finding not found", b.text("pageTitle"), "a missing key must look the same");

            // editing the URL: asking for the other clinic's findings still lists only the officer's own
            b.open("compliance/findings.xhtml?clinic=" + south + "&current=false");
            assertEquals(Long.toString(plantedFindings(chain.clinicIds.get(0))), b.text("findingsForm:total"));
            assertFalse(b.source().contains(south), "another clinic's id on the officer's dashboard");

            b.open("compliance/readiness.xhtml?clinic=" + south);
            assertEquals(chain.clinicIds.get(0), b.text("readinessForm:readinessClinic"));
            assertTrue(b.text("readinessForm:verdictText").startsWith("Not ready"), b.text("readinessForm:verdictText"));
            assertFalse(b.source().contains(south), "another clinic's id on the officer's readiness page");
            b.screenshot("compliance-readiness-officer");
        }
    }

    @Test
    @Order(5)
    void dpoReadsTheOwnClinicsFindingsButMayNeitherUploadNorTriage() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("dpo-north", "compliance/findings.xhtml");
            assertEquals(Long.toString(plantedFindings(north)), b.text("findingsForm:total"));
            assertFalse(b.source().contains("evidence/upload.xhtml"), "the DPO is offered the upload");
            String key = plantedKey(north, "LATE_ERASURE");
            b.open("compliance/finding.xhtml?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
            assertEquals(key, b.text("findingKey"));
            assertFalse(b.present("findingForm:save"), "a DPO was offered the regulator's status change");

            b.open("evidence/upload.xhtml");
            assertEquals("Access denied", b.text("errorTitle"));
        }
    }

    private static void awaitSynced(PortalBrowser b, DemoFixture chain) {
        b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
    }

    private static int rows(PortalBrowser b, String tableId) {
        return b.driver.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr[data-ri]")).size();
    }

    private static Path fixtureDir() {
        return Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo"));
    }

    private static JsonNode groundTruth() throws Exception {
        return new ObjectMapper().readTree(fixtureDir().resolve("ground-truth.json").toFile());
    }

    /** The violations the fixture plants for {@code clinic} (each is one finding: recall and precision 100 %). */
    private static long plantedFindings(String clinic) throws Exception {
        long n = 0;
        for (JsonNode v : groundTruth().get("violations")) {
            if (v.get("clinic").asText().equals(clinic)) {
                n++;
            }
        }
        return n;
    }

    /** The finding key of the first planted violation of {@code kind} (a request id) at {@code clinic}. */
    private static String plantedKey(String clinic, String kind) throws Exception {
        for (JsonNode v : groundTruth().get("violations")) {
            if (v.get("clinic").asText().equals(clinic) && v.get("kind").asText().equals(kind)) {
                return v.get("rule").asText() + "|" + clinic + "|requestId:"
                        + v.get("objects").get("requestId").asText();
            }
        }
        throw new IllegalStateException("no " + kind + " planted at " + clinic);
    }

    private static String sha256(Path file) throws Exception {
        return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
