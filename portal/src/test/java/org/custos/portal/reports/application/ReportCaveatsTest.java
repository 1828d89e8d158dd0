package org.custos.portal.reports.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.PersonalDataHit;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "honest about what was not verified": the caveats a report prints first ({@link ReportCaveats#ledger}),
 * over an in-memory index and node. An integrity alert seen within the last hour is open and is named (count, reason,
 * block, check, node); one last seen longer ago is past and adds nothing; a halted sync, a sync behind the node and a
 * node whose head cannot be read are each said; a healthy, caught-up ledger gets no caveat at all.
 */
class ReportCaveatsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String GENESIS = "0x" + "0".repeat(64);
    private static final String HASH = "0x" + "ab".repeat(32);

    private final Index index = new Index();
    private final Node node = new Node();
    private ReportCaveats caveats;
    private SyncState state;

    @BeforeEach
    void setUp() {
        caveats = new ReportCaveats();
        caveats.index = index;
        state = new SyncState(0, GENESIS, NOW.minusSeconds(600));
        state.advance(120, HASH, null, 120, 40, NOW.minusSeconds(5));
        node.head = 120;
    }

    private List<String> notes() {
        return caveats.ledger(new ReportContent.Context("CUSTOS-20261207-000000000000", "issuer", NOW, null, state,
                node, null, "regulator", "regulator", null, null, null));
    }

    private String onlyNote() {
        List<String> notes = notes();
        assertThat(notes).hasSize(1);
        return notes.get(0);
    }

    @Test
    void aHealthyCaughtUpLedgerHasNoCaveat() {
        assertThat(notes()).isEmpty();
    }

    @Test
    void anAlertSeenWithinTheHourIsOpenAndNamed() {
        index.alerts.add(splitView(77, NOW.minus(Duration.ofMinutes(10))));
        List<String> notes = notes();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).startsWith("1 integrity alert(s) are open")
                .contains(IntegrityAlert.SPLIT_VIEW, "at block 77", "split-view", "node http://node-a")
                .contains("Treat what this report states about the ledger with care.");
    }

    @Test
    void anAlertLastSeenExactlyAnHourAgoIsStillOpenOneSecondMoreIsPast() {
        index.alerts.add(splitView(5, NOW.minus(ReportCaveats.OPEN_WINDOW)));
        assertThat(onlyNote()).contains("1 integrity alert(s) are open");
        index.alerts.clear();
        index.alerts.add(splitView(5, NOW.minus(ReportCaveats.OPEN_WINDOW).minusSeconds(1)));
        assertThat(notes()).isEmpty();
    }

    @Test
    void pastAlertsAreNotCountedAsOpenTheNewestOpenOneIsNamed() {
        index.alerts.add(splitView(90, NOW.minusSeconds(30)));              // newest first, as the index returns
        index.alerts.add(splitView(60, NOW.minus(Duration.ofMinutes(59))));
        index.alerts.add(splitView(10, NOW.minus(Duration.ofDays(3))));
        index.alerts.add(splitView(11, NOW.minus(Duration.ofHours(2))));
        assertThat(onlyNote())
                .startsWith("2 integrity alert(s) are open").contains("at block 90").doesNotContain("at block 10");
    }

    @Test
    void anAlertWhoseLastSightingIsAheadOfTheClockIsOpen() {
        index.alerts.add(splitView(3, NOW.plusSeconds(90)));
        assertThat(onlyNote()).contains("1 integrity alert(s) are open");
    }

    @Test
    void aHaltedSyncWithItsOpenAlertSaysBoth() {
        index.alerts.add(splitView(121, NOW.minusSeconds(2)));
        state.halted(121, "SPLIT_VIEW at block 121", NOW.minusSeconds(2));
        node.head = 121;
        List<String> notes = notes();
        assertThat(notes).hasSize(3);
        assertThat(notes.get(0)).startsWith("The ledger sync is halted at block 121")
                .contains("no block after 120 is verified");
        assertThat(notes.get(1)).startsWith("1 integrity alert(s) are open");
        assertThat(notes.get(2)).startsWith("The sync is 1 block(s) behind the node");
    }

    @Test
    void aSyncBehindTheNodeSaysByHowMuch() {
        node.head = 5_120;
        assertThat(onlyNote()).startsWith("The sync is 5000 block(s) behind the node")
                .contains("node head 5120", "verified up to 120");
    }

    @Test
    void aNodeWhoseHeadCannotBeReadIsSaid() {
        node.down = true;
        assertThat(onlyNote())
                .startsWith("The node's head could not be read").contains("whether the sync is behind is unknown");
    }

    private static IntegrityAlert splitView(long block, Instant lastSeen) {
        IntegrityAlert alert = new IntegrityAlert(block, "split-view", IntegrityAlert.SPLIT_VIEW, "block " + block
                + " hash", HASH, "0x" + "cd".repeat(32), "http://node-a", "http://node-b", lastSeen.minusSeconds(60));
        alert.seenAgain(lastSeen);
        return alert;
    }

    /** The index as far as the caveats read it: the alerts, newest first. */
    private static final class Index implements LedgerIndex {
        final List<IntegrityAlert> alerts = new ArrayList<>();

        @Override
        public List<IntegrityAlert> alerts(int first, int limit) {
            return alerts.stream().skip(first).limit(limit).toList();
        }

        @Override
        public long alertCount() {
            return alerts.size();
        }

        @Override
        public Optional<SyncState> state() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long blockCount() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VerifiedBlock> newestBlocks(int first, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VerifiedBlock> block(long number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long eventCount(String clinicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VerifiedEvent> events(String clinicId, int first, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VerifiedEvent> eventsInBlock(long number, String clinicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VerifiedEvent> event(long id, String clinicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Long> eventCountsByName(String clinicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PersonalDataHit> personalData(int first, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> clinics() {
            throw new UnsupportedOperationException();
        }
    }

    /** A node that reports a head, or is down. */
    private static final class Node implements LedgerNode {
        long head;
        boolean down;

        @Override
        public String name() {
            return "http://node-a";
        }

        @Override
        public long chainId() {
            return 31337;
        }

        @Override
        public long headNumber() throws LedgerUnavailableException {
            if (down) {
                throw new LedgerUnavailableException("http://node-a", "connection refused", null);
            }
            return head;
        }

        @Override
        public List<RpcBlock> blocks(long from, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Map<String, Object>> headers(long from, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> proof(String address, List<String> slots, long block) {
            throw new UnsupportedOperationException();
        }
    }
}
