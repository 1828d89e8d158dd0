package org.custos.portal.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.testing.TestStore;
import org.junit.jupiter.api.Test;

/**
 * The stored block and event totals the status page shows on every poll are the running counts kept in the sync
 * state row
 * (advanced with each stored batch, lowered by a rollback), not a COUNT over all blocks; blocks and events written
 * by the batched JDBC inserts read back equal through JPA.
 */
class LedgerRunningCountTest {

    private static final String CHECKPOINT = "0x" + "ab".repeat(32);

    private static List<VerifiedBlock> chain(long from, int count, String parent) {
        List<VerifiedBlock> blocks = new ArrayList<>();
        for (long n = from; n < from + count; n++) {
            String hash = String.format(Locale.ROOT, "0x%064x", n * 7919);
            blocks.add(new VerifiedBlock(n, hash, parent, "0x" + "01".repeat(32), "0x" + "02".repeat(32),
                    "0x" + "03".repeat(32), Instant.ofEpochSecond(1_733_011_200L + n), 1, n == from ? 1 : 0,
                    n % 2 == 0 ? "0x" + "44".repeat(20) : null, Instant.parse("2026-11-22T04:00:00.123456Z")));
            parent = hash;
        }
        return blocks;
    }

    @Test
    void theBlockCountIsKeptWithEachBatchAndRollbackWithoutCountingAllBlocks() {
        try (TestStore store = new TestStore("jdbc:h2:mem:count-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            Instant now = Instant.now();
            store.state(new LedgerSettings.Checkpoint(0, CHECKPOINT), now);
            List<VerifiedBlock> first = chain(1, 5, CHECKPOINT);
            VerifiedEvent event = new VerifiedEvent(1, 0, 0, "0x" + "aa".repeat(32), "0x" + "11".repeat(20),
                    "registry", "ClinicAdmitted", "0x" + "cc".repeat(32), "{\"a\":1}", "0x" + "dd".repeat(32),
                    "0x", Instant.ofEpochSecond(1_733_011_201L));
            store.storeBatch(0, CHECKPOINT, first, List.of(event), now);
            List<VerifiedBlock> second = chain(6, 4, first.get(4).getHash());
            VerifiedEvent later = new VerifiedEvent(7, 0, 0, "0x" + "ab".repeat(32), "0x" + "11".repeat(20),
                    "registry", "ClinicAdmitted", "0x" + "cd".repeat(32), "{\"b\":2}", "0x" + "dd".repeat(32),
                    "0x", Instant.ofEpochSecond(1_733_011_207L));
            store.storeBatch(5, first.get(4).getHash(), second, List.of(later), now);

            store.statements.clear();
            assertThat(store.blockCount()).isEqualTo(9);
            assertThat(store.eventCount(null)).isEqualTo(2);
            assertThat(store.statements).noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("count("));
            assertThat(store.eventCount("0x" + "cc".repeat(32))).isEqualTo(1);   // one clinic's: counted

            // written by JDBC, read back through JPA: the same content
            for (VerifiedBlock b : first) {
                assertThat(store.block(b.getNumber()).orElseThrow().contentKey()).isEqualTo(b.contentKey());
            }
            assertThat(store.block(3).orElseThrow().getVerifiedAt()).isEqualTo(first.get(2).getVerifiedAt());
            VerifiedEvent stored = store.eventsInBlock(1, null).get(0);
            assertThat(stored.getId()).isEqualTo(event.getId());
            assertThat(stored.getFieldsJson()).isEqualTo("{\"a\":1}");
            assertThat(stored.getBlockTime()).isEqualTo(event.getBlockTime());

            store.rollbackTo(4, first.get(3).getHash(), now);
            assertThat(store.blockCount()).isEqualTo(4);
            assertThat(store.eventCount(null)).isEqualTo(1);   // block 7's event went, block 1's stays
            assertThat(store.block(5)).isEmpty();
        }
    }
}
