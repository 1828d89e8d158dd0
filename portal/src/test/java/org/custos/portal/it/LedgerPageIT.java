package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The ledger pages in headless Chromium against the real portal syncing the consortium's demo fixture from anvil
 * (configured like the demo: checkpoint = the fixture's genesis, consensus DEV, clinic-north and clinic-south
 * mapped to the fixture's clinics 0 and 1), with the real Keycloak sign-in: the regulator watches the ledger page
 * reach the fixture's head and follows a clinic's event down its proof path; a compliance officer sees their own
 * clinic's events with proofs and, editing URLs, gets nothing of another clinic's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerPageIT {

    private static final Pattern EVENT_ID = Pattern.compile("[?&]id=(\\d+)");

    private static Anvil anvil;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = new Properties();
        config.putAll(chain.config(anvil.url()));
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        StringWriter text = new StringWriter();
        config.store(text, "the demo's ledger settings (scripts/lib/portal.sh) for this test's anvil");
        return Deployments.portalWar()
                .addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void regulatorSeesTheLedgerReachTheHeadAndFollowsAClinicsEventToItsProof() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            // the page polls by itself while the sync catches up: no reload here
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
            assertEquals(chain.headHash, b.text("ledgerForm:verifiedHash"));
            assertEquals(Long.toString(chain.head), b.text("ledgerForm:targetHead"));
            assertEquals("100%", b.text("ledgerForm:progress").trim());
            assertEquals("0", b.text("ledgerForm:alertCount"));
            assertEquals("DEV", b.text("ledgerForm:consensus"));
            assertTrue(b.text("ledgerForm:endpoints").contains("reachable"), b.text("ledgerForm:endpoints"));
            assertTrue(b.text("ledgerForm:alerts").contains("No integrity alert"));
            b.screenshot("ledger-status-regulator");

            b.open("ledger/clinics.xhtml");
            String clinics = b.text("clinics");
            for (String id : chain.clinicIds) {
                assertTrue(clinics.contains(id), "clinic " + id + " missing: " + clinics);
            }

            b.open("ledger/clinic.xhtml?clinic=" + south);
            assertEquals(south, b.text("clinicId"));
            assertEquals(Long.toString(chain.eventsByClinic.get(south)), b.text("eventCount"));
            assertEquals("VERIFIED", b.text("membershipVerdict"));
            assertEquals("yes", b.text("admitted"));
            assertEquals("US", b.text("jurisdiction"));
            assertEquals("yes", b.text("hipaa"));
            assertTrue(b.text("clinicForm:events").contains("receipts root"));
            b.screenshot("ledger-clinic-regulator");

            long eventId = firstEventId(b);
            b.open("ledger/event.xhtml?id=" + eventId);
            assertTrue(b.text("eventClinic").contains(south));
            assertEquals("0", b.text("proofCheckpoint"));
            assertTrue(b.text("proofReceiptsRoot").matches("0x[0-9a-f]{64}"), b.text("proofReceiptsRoot"));
            String blockHash = b.text("proofBlockHash");
            b.screenshot("ledger-event-proof");

            b.open("ledger/block.xhtml?number=" + eventId / 1_000_000L);
            assertEquals(blockHash, b.text("storedHash"));
            assertEquals(blockHash, b.text("recomputedHash"));
            assertEquals("yes", b.text("hashMatches"));
            assertEquals("VERIFIED", b.text("verdict"));
            assertTrue(b.text("seal").startsWith("DEV consensus"), b.text("seal"));
            assertTrue(b.text("events").contains(south), b.text("events"));
            b.screenshot("ledger-block");
        }
    }

    @Test
    void complianceOfficerSeesOwnClinicsEventsWithProofsAndNothingOfAnotherClinic() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        String south = chain.clinicIds.get(1);
        long southEvent;
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-south", "ledger/clinic.xhtml");
            awaitAllEvents(b, chain.eventsByClinic.get(south));
            southEvent = firstEventId(b);
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "ledger/clinic.xhtml");
            assertEquals(north, b.text("clinicId"));
            awaitAllEvents(b, chain.eventsByClinic.get(north));
            assertEquals("VERIFIED", b.text("membershipVerdict"));
            assertEquals("EU", b.text("jurisdiction"));
            String events = b.text("clinicForm:events");
            assertTrue(events.contains("receipts root") && events.contains("hash chain to the pinned checkpoint"), events);
            assertFalse(b.source().contains(south), "another clinic's id on the officer's clinic page");
            b.screenshot("ledger-clinic-officer");

            long ownEvent = firstEventId(b);
            b.open("ledger/event.xhtml?id=" + ownEvent);
            assertTrue(b.text("eventClinic").contains(north));
            assertTrue(b.text("proofPath").contains("Receipts root"), b.text("proofPath"));
            b.screenshot("ledger-event-officer");

            // editing the URL: another clinic's page, event and block give nothing of that clinic
            b.open("ledger/clinic.xhtml?clinic=" + south);
            assertEquals("Access denied", b.text("errorTitle"));
            assertFalse(b.source().contains(south), "the other clinic's id reached the page");
            b.screenshot("ledger-clinic-officer-403");

            b.open("ledger/event.xhtml?id=" + southEvent);
            assertEquals("Event not found", b.text("pageTitle"));
            assertFalse(b.present("proofPath"));
            assertFalse(b.source().contains(south), "the other clinic's event reached the page");

            b.open("ledger/block.xhtml?number=" + southEvent / 1_000_000L);
            assertFalse(b.source().contains(south), "the other clinic's event is listed on the block page");
        }
    }

    /** Reloads the clinic page until the sync has stored all of the clinic's events (normally at once). */
    private static void awaitAllEvents(PortalBrowser b, long expected) {
        b.waitUntil(Duration.ofMinutes(3), d -> {
            if (Long.toString(expected).equals(b.text("eventCount"))) {
                return true;
            }
            b.open("ledger/clinic.xhtml");
            return false;
        });
    }

    /** The id of the first event listed in the clinic page's events table, from its link to the event page. */
    private static long firstEventId(PortalBrowser b) {
        List<WebElement> links = b.driver.findElements(By.cssSelector("a.custos-event-link"));
        assertFalse(links.isEmpty(), "no event listed");
        Matcher m = EVENT_ID.matcher(links.get(0).getAttribute("href"));
        assertTrue(m.find(), links.get(0).getAttribute("href"));
        return Long.parseLong(m.group(1));
    }
}
