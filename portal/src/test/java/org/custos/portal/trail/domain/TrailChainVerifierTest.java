package org.custos.portal.trail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.trail.domain.TrailVerification.Reason;
import org.junit.jupiter.api.Test;

class TrailChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123456789Z");

    @Test
    void intactChainIsVerified() {
        List<TrailEntry> chain = chain(5);
        TrailVerification v = verify(chain, 5, chain.get(4).getEntryHash());
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(v.summary()).contains("5 entries");
    }

    @Test
    void emptyTrailIsIntactAgainstGenesisHead() {
        assertThat(verify(List.of(), 0, TrailHasher.GENESIS_HASH).intact()).isTrue();
    }

    @Test
    void editedFieldIsDetectedWithBothHashes() throws Exception {
        List<TrailEntry> chain = chain(4);
        set(chain.get(2), "actor", "mallory");
        TrailVerification v = verify(chain, 4, chain.get(3).getEntryHash());
        assertThat(v.intact()).isFalse();
        assertThat(v.reason()).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
        assertThat(v.seq()).isEqualTo(3);
        assertThat(v.actual()).isEqualTo(chain.get(2).getEntryHash());
        assertThat(v.expected()).isNotEqualTo(v.actual()).hasSize(64);
    }

    @Test
    void editedTimeIsDetected() throws Exception {
        List<TrailEntry> chain = chain(3);
        set(chain.get(0), "occurredAt", T0.plusSeconds(100).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(verify(chain, 3, chain.get(2).getEntryHash()).reason()).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
    }

    @Test
    void deletedEntryIsASequenceGap() {
        List<TrailEntry> chain = new ArrayList<>(chain(4));
        chain.remove(1);
        TrailVerification v = verify(chain, 4, chain.get(2).getEntryHash());
        assertThat(v.reason()).isEqualTo(Reason.SEQUENCE_GAP);
        assertThat(v.seq()).isEqualTo(2);
        assertThat(v.expected()).isEqualTo("2");
        assertThat(v.actual()).isEqualTo("3");
    }

    @Test
    void replacedEntryWithRecomputedHashBreaksTheLink() {
        List<TrailEntry> chain = new ArrayList<>(chain(3));
        // a forger rewrites entry 2 consistently with itself, but entry 3 still points at the old hash
        TrailEntry forged = TrailEntry.chain(2, record("mallory", TrailAction.SIGN_OUT, 2), chain.get(0).getEntryHash());
        chain.set(1, forged);
        TrailVerification v = verify(chain, 3, chain.get(2).getEntryHash());
        assertThat(v.reason()).isEqualTo(Reason.PREVIOUS_HASH_MISMATCH);
        assertThat(v.seq()).isEqualTo(3);
    }

    @Test
    void cutTailIsDetectedAgainstTheHead() {
        List<TrailEntry> chain = chain(4);
        TrailVerification v = verify(chain.subList(0, 3), 4, chain.get(3).getEntryHash());
        assertThat(v.reason()).isEqualTo(Reason.HEAD_MISMATCH);
        assertThat(v.expected()).isEqualTo("last entry 4");
        assertThat(v.actual()).isEqualTo("last entry 3");
    }

    @Test
    void hashCoversEveryFieldUnambiguously() {
        TrailRecord a = new TrailRecord(T0, "ab", "c", null, TrailAction.SIGN_IN, "session", null, null);
        TrailRecord b = new TrailRecord(T0, "a", "bc", null, TrailAction.SIGN_IN, "session", null, null);
        assertThat(TrailHasher.hash(1, a, TrailHasher.GENESIS_HASH))
                .isNotEqualTo(TrailHasher.hash(1, b, TrailHasher.GENESIS_HASH));
        TrailRecord nullObject = new TrailRecord(T0, "a", "r", null, TrailAction.SIGN_IN, "session", null, null);
        TrailRecord emptyObject = new TrailRecord(T0, "a", "r", null, TrailAction.SIGN_IN, "session", "", null);
        assertThat(TrailHasher.hash(1, nullObject, TrailHasher.GENESIS_HASH))
                .isNotEqualTo(TrailHasher.hash(1, emptyObject, TrailHasher.GENESIS_HASH));
    }

    @Test
    void knownAnswer() {
        // pins the documented encoding: changing it would orphan every stored chain
        TrailRecord r = new TrailRecord(Instant.parse("2026-01-01T00:00:00Z"), "regulator", "regulator", null,
                TrailAction.SIGN_IN, "session", null, "signed in");
        assertThat(TrailHasher.hash(1, r, TrailHasher.GENESIS_HASH))
                .isEqualTo(ReferenceHash.sha256Hex(ReferenceHash.encode("1", "2026-01-01T00:00:00Z", "regulator",
                        "regulator", null, "SIGN_IN", "session", null, "signed in", TrailHasher.GENESIS_HASH)));
    }

    @Test
    void timeIsTruncatedToMicroseconds() {
        assertThat(record("a", TrailAction.SIGN_IN, 0).occurredAt().getNano() % 1000).isZero();
    }

    private static TrailVerification verify(List<TrailEntry> entries, long headSeq, String headHash) {
        TrailChainVerifier verifier = new TrailChainVerifier();
        for (TrailEntry e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.finish(headSeq, headHash);
    }

    private static List<TrailEntry> chain(int n) {
        List<TrailEntry> out = new ArrayList<>();
        String prev = TrailHasher.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            TrailEntry e = TrailEntry.chain(i, record("user" + i, TrailAction.SIGN_IN, i), prev);
            out.add(e);
            prev = e.getEntryHash();
        }
        return out;
    }

    private static TrailRecord record(String actor, TrailAction action, int i) {
        return new TrailRecord(T0.plusSeconds(i), actor, "regulator", i % 2 == 0 ? "clinic-north" : null, action,
                "session", null, "detail " + i);
    }

    private static void set(TrailEntry entry, String field, Object value) throws Exception {
        Field f = TrailEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(entry, value);
    }
}
