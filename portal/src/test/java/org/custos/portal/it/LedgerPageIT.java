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
import org.custos.portal.ledger.testing.TamperingProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The ledger pages in headless Chromium against the real portal syncing the consortium's demo fixture from anvil
 * (configured like the demo: checkpoint = the fixture's genesis, consensus DEV, clinic-north and clinic-south
 * mapped to the fixture's clinics 0 and 1), with the real Keycloak sign-in: the regulator watches the ledger page
 * reach the fixture's head and follows a clinic's event down its proof path; a compliance officer sees their own
 * clinic's events with proofs and, editing URLs, gets nothing of another clinic's. Last, the test grows its own
 * anvil by mining blocks directly on the node and watches the page's progress bar rise while the sync catches up
 * (20,000 blocks at two blocks per batch here, so that the catch-up lasts several page polls) until it shows 100%
 * at the new head.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerPageIT {

    private static final Pattern EVENT_ID = Pattern.compile("[?&]id=(\\d+)");

    private static Anvil anvil;
    private static TamperingProxy proxy;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        // the progress test mines thousands of blocks: keep anvil from writing their states to ~/.foundry
        anvil = Anvil.startFixture(chain.stateFile, "--max-persisted-states", "0");
        // the portal reaches the node through a proxy the progress test can cut while it mines: otherwise the
        // sync follows anvil_mine block by block and there is no catch-up left to watch when mining returns
        proxy = new TamperingProxy(anvil.url());
        Properties config = new Properties();
        config.putAll(chain.config(proxy.url()));
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        config.put("custos.ledger.sync.batch-size", "2");
        // one batch in flight at a time: with the default prefetch the 3,000 blocks of the progress test were
        // caught up between two 2 s polls on an idle machine, and no intermediate percentage was ever shown
        config.put("custos.ledger.sync.prefetch", "0");
        StringWriter text = new StringWriter();
        config.store(text, "the demo's ledger settings (scripts/lib/portal.sh) for this test's anvil");
        return Deployments.portalWar()
                .addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (proxy != null) {
            proxy.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    @Order(1)
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
    @Order(2)
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

            // a deep link opened while signed out keeps its query through the Keycloak sign-in
            b.signOut();
            b.signIn("officer-north", "ledger/event.xhtml?id=" + ownEvent);
            assertTrue(b.url().contains("event.xhtml?id=" + ownEvent), b.url());
            assertTrue(b.text("eventClinic").contains(north), "the deep-linked event after sign-in");
        }
    }

    /** Runs last: it grows the chain, which the other tests expect at the fixture's head. */
    @Test
    @Order(3)
    void theProgressBarRisesWhileTheSyncCatchesUpWithBlocksMinedOnTheNode() throws Exception {
        DemoFixture chain = DemoFixture.get();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
            assertEquals("100%", b.text("ledgerForm:progress").trim());

            long mined = 3_000;   // through the proxy at two blocks per batch: about a minute of 2 s polls
            proxy.upstream("http://127.0.0.1:9");   // the node is unreachable for the portal while it mines
            try {
                anvil.rpc("anvil_mine", "[\"0x" + Long.toHexString(mined) + "\"]", Duration.ofMinutes(5));
            } finally {
                proxy.upstream(anvil.url());
            }
            long newHead = chain.head + mined;
            // the page polls by itself while the sync catches up and stops polling once it has caught up, so a
            // page still showing the old head as caught up is reloaded; record what it shows until the new head
            List<Integer> percents = new ArrayList<>();
            TreeSet<Long> heights = new TreeSet<>();
            b.waitUntil(Duration.ofMinutes(5), d -> {
                try {
                    return recordProgress(b, newHead, percents, heights);
                } catch (StaleElementReferenceException replacedByThePoll) {
                    return false;   // the poll's ajax update replaced the element between two reads: read again
                }
            });
            b.screenshot("ledger-status-caught-up-after-mining");
            assertTrue(percents.stream().anyMatch(p -> p > 0 && p < 100),
                    "no intermediate percentage seen while catching up: " + percents);
            assertTrue(heights.stream().anyMatch(h -> h > chain.head && h < newHead),
                    "no intermediate verified height seen: " + heights);
            assertEquals(100, percents.get(percents.size() - 1), percents.toString());
            // the stored count is the running count of the state row: the fixture's blocks plus the mined ones
            assertTrue(b.text("ledgerForm:stored").startsWith(newHead + " / "), b.text("ledgerForm:stored"));
            assertEquals("synced", b.text("ledgerForm:phase"));
        }
    }

    /** One look at the status page during the catch-up; true once it shows the new head at 100%. */
    private static boolean recordProgress(PortalBrowser b, long newHead, List<Integer> percents,
                                          TreeSet<Long> heights) {
        String percent = b.text("ledgerForm:progress").trim();
        String verified = b.text("ledgerForm:verifiedNumber");
        if ("synced".equals(b.text("ledgerForm:phase")) && !Long.toString(newHead).equals(verified)) {
            b.open("ledger/status.xhtml");
            return false;
        }
        if (percent.endsWith("%") && verified.matches("\\d+")) {
            int p = Integer.parseInt(percent.substring(0, percent.length() - 1));
            if (percents.isEmpty() || percents.get(percents.size() - 1) != p) {
                percents.add(p);
            }
            heights.add(Long.parseLong(verified));
        }
        return Long.toString(newHead).equals(verified) && "100%".equals(percent)
                && Long.toString(newHead).equals(b.text("ledgerForm:targetHead"));
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
