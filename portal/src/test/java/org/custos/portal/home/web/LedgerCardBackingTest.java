package org.custos.portal.home.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.custos.portal.ledger.application.LedgerService.SyncOverview;
import org.junit.jupiter.api.Test;

/** The start pages' ledger card says what Custos has verified, never "not verified yet" when it is. */
class LedgerCardBackingTest {

    @Test
    void aFullyVerifiedLedgerSaysSo() {
        assertEquals("Verified by Custos up to block 1,567: every block up to the node's head.",
                LedgerCardBacking.verifiedWords(overview(true, 1567, 1567, 1.0, null)));
    }

    @Test
    void aSyncCatchingUpGivesItsShare() {
        assertEquals("Verified by Custos up to block 500 of the node's 2,000 (25 %); catching up.",
                LedgerCardBacking.verifiedWords(overview(true, 500, 2000, 0.2501, null)));
    }

    @Test
    void aHaltedSyncAndAnUnconfiguredOneAreNamed() {
        assertEquals("Verified by Custos up to block 99; the sync stopped at block 100 (see the ledger page).",
                LedgerCardBacking.verifiedWords(overview(true, 99, 2000, 0.05, 100L)));
        assertEquals("Nothing is verified: the ledger sync is not configured (no pinned checkpoint).",
                LedgerCardBacking.verifiedWords(overview(false, 0, -1, 0, null)));
        assertEquals("Verified by Custos up to block 0 (from the checkpoint, block 0).",
                LedgerCardBacking.verifiedWords(overview(true, 0, -1, 0, null)));
    }

    private static SyncOverview overview(boolean configured, long verified, long target, double progress, Long halted) {
        return new SyncOverview(configured, "DEV", "scope", configured ? 0 : -1, null, verified, null, target, progress,
                0, null, halted, null, 0, 0, 0, List.of());
    }
}
