package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.ledger.application.LedgerSyncScheduler;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.SyncState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger sync inside the real WAR on Payara Micro, on the failsafe execution's database (H2, then
 * PostgreSQL): configured like an operator would, the background job syncs the consortium's demo fixture (the
 * simulator's scenario) from anvil to its head; the head hash and the block and event counts (total, per event
 * name, per clinic) equal the scenario's, nothing is alerted, and the pages' service refuses a caller without a
 * portal role.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerSyncIT {

    @Deployment
    static WebArchive deployment() {
        return LedgerSyncChain.deployment(LedgerSyncIT.class);
    }

    @Inject
    LedgerIndex index;

    @Inject
    LedgerSyncScheduler scheduler;

    @Inject
    LedgerService service;

    @Test
    void backgroundSyncReachesTheHeadWithTheSimulatorsCounts() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = LedgerSyncIT.class.getResourceAsStream("/ledger-sync-expected.properties")) {
            expected.load(in);
        }
        long head = Long.parseLong(expected.getProperty("head"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (index.state().map(SyncState::getVerifiedNumber).orElse(-1L) < head) {
            assertTrue(Instant.now().isBefore(deadline), "sync did not reach " + head + ": " + index.state()
                    .map(s -> s.getVerifiedNumber() + " " + s.getLastError()).orElse("no state"));
            Thread.sleep(200);   // bounded poll on the sync's progress
        }
        SyncState state = index.state().orElseThrow();
        assertEquals(head, state.getVerifiedNumber());
        assertNull(state.getHaltedAt());
        assertEquals(head, index.blockCount());
        // the scenario counts genesis too: every block after the pinned genesis is verified and stored
        assertEquals(Long.parseLong(expected.getProperty("blocks")) - 1, index.blockCount());
        assertEquals(expected.getProperty("headHash"), state.getVerifiedHash());
        assertEquals(Long.parseLong(expected.getProperty("events")), index.eventCount(null));
        assertEquals(0, index.alertCount());
        Map<String, Long> byName = index.eventCountsByName(null);
        for (String key : expected.stringPropertyNames()) {
            if (key.startsWith("name.")) {
                assertEquals(Long.parseLong(expected.getProperty(key)), byName.get(key.substring(5)), key);
            }
            if (key.startsWith("clinic.")) {
                assertEquals(Long.parseLong(expected.getProperty(key)), index.eventCount(key.substring(7)), key);
            }
        }
        assertEquals(byName.values().stream().mapToLong(Long::longValue).sum(), index.eventCount(null));
        assertTrue(scheduler.engine().isPresent());
        assertTrue(scheduler.endpoints().get(0).reachable());
    }

    @Test
    void theLedgerServiceRefusesACallerWithoutAPortalRole() throws IOException {
        assertThrows(EJBAccessException.class, () -> service.overview());
        assertThrows(EJBAccessException.class, () -> service.eventsOf("0x" + "00".repeat(32), 0, 10));
        assertThrows(EJBAccessException.class, () -> service.eventsOfMyClinic(0, 10));
        assertThrows(EJBAccessException.class, () -> service.eventProof(1));
    }
}
