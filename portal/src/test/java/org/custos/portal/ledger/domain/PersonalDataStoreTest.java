package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.custos.portal.ledger.testing.TestStore;
import org.junit.jupiter.api.Test;

/**
 * The ledger-wide scan's hits are stored with their block in the same batch (Flyway V8, the batched JDBC insert),
 * read back equal through JPA in chain order, and removed with their blocks on a rollback.
 */
class PersonalDataStoreTest {

    private static final String CHECKPOINT = "0x" + "ab".repeat(32);
    private static final Instant T = Instant.ofEpochSecond(1_733_011_300L);

    @Test
    void hitsAreStoredWithTheirBlockAndRolledBackWithIt() {
        try (TestStore store = new TestStore("jdbc:h2:mem:pii-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            Instant now = Instant.now();
            store.state(new LedgerSettings.Checkpoint(0, CHECKPOINT), now);
            List<VerifiedBlock> blocks = new ArrayList<>();
            String parent = CHECKPOINT;
            for (long n = 1; n <= 3; n++) {
                String hash = String.format(Locale.ROOT, "0x%064x", n * 31);
                VerifiedBlock b = new VerifiedBlock(n, hash, parent, "0x" + "01".repeat(32), "0x" + "02".repeat(32),
                        "0x" + "03".repeat(32), T.plusSeconds(n), 1, 0, null, now);
                b.personalData(List.of(hit(n, 0, PersonalDataHit.Place.INPUT, null, null, "0x" + "a1".repeat(20)),
                        hit(n, 1, PersonalDataHit.Place.LOG_TOPIC, 4, 2, null)));
                blocks.add(b);
                parent = hash;
            }
            store.storeBatch(0, CHECKPOINT, blocks, List.of(), now);
            List<PersonalDataHit> stored = store.personalData(0, 100);
            assertThat(stored).hasSize(6);
            assertThat(stored).extracting(PersonalDataHit::getId).isSorted();
            PersonalDataHit first = stored.get(0);
            assertThat(first.getSender()).isEqualTo("0x" + "a1".repeat(20));
            assertThat(first.getPlace()).isEqualTo("INPUT");
            assertThat(first.getLogIndex()).isNull();
            assertThat(first.getBlockTime()).isEqualTo(T.plusSeconds(1));
            assertThat(first.position()).isEqualTo("calldata offset 36");
            PersonalDataHit topic = stored.get(1);
            assertThat(topic.getSender()).isNull();
            assertThat(topic.getLogIndex()).isEqualTo(4);
            assertThat(topic.getTopicIndex()).isEqualTo(2);
            assertThat(topic.getBitsPerByte()).isEqualTo(6.5);
            assertThat(topic.position()).isEqualTo("topic 2 offset 36");
            assertThat(store.personalData(4, 100)).hasSize(2);

            store.rollbackTo(1, blocks.get(0).getHash(), now);
            assertThat(store.personalData(0, 100)).extracting(PersonalDataHit::getBlockNumber).containsExactly(1L, 1L);
        }
    }

    private static PersonalDataHit hit(long block, int n, PersonalDataHit.Place place, Integer log, Integer topic,
                                       String sender) {
        return new PersonalDataHit(block * PersonalDataHit.PER_BLOCK + n, block, 0, String.format("0x%064x", block),
                sender, place, log, topic, place == PersonalDataHit.Place.CREATION ? null : "0x" + "c0".repeat(20), 36,
                n == 1 ? 119 : 0, n == 1 ? "GDPR-MIN-03" : "GDPR-MIN-01", n == 1 ? "ciphertext-like blob"
                : "e-mail address", "ASCII/UTF-8", n == 1 ? 6.5 : 0, T.plusSeconds(block));
    }
}
