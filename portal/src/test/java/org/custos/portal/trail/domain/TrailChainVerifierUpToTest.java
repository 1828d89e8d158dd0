package org.custos.portal.trail.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.custos.portal.trail.domain.TrailVerification.Reason;
import org.junit.jupiter.api.Test;

/**
 * {@link TrailChainVerifier#verifyUpTo}: the check a report's printed trail head allows. A trail rewritten after the
 * report was issued is detected; entries appended later (or changed later, after the report's head) do not matter.
 */
class TrailChainVerifierUpToTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30.123456Z");

    @Test
    void unchangedTrailMatchesTheReportsHeadAndLaterEntriesAreNotJudged() throws Exception {
        List<TrailEntry> chain = chain(8);
        String head = chain.get(4).getEntryHash();
        set(chain.get(6), "actor", "mallory"); // changed after the report: not the report's business
        Repo repo = new Repo(chain);
        TrailVerification v = TrailChainVerifier.verifyUpTo(repo, 5, head);
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(repo.judged).isEqualTo(5);
    }

    @Test
    void headWithPrefixAndUpperCaseIsTheSameHead() {
        List<TrailEntry> chain = chain(3);
        String head = "0x" + chain.get(2).getEntryHash().toUpperCase();
        assertThat(TrailChainVerifier.verifyUpTo(new Repo(chain), 3, head).intact()).isTrue();
    }

    @Test
    void editedEntryBeforeTheHeadIsDetected() throws Exception {
        List<TrailEntry> chain = chain(6);
        String head = chain.get(4).getEntryHash();
        set(chain.get(1), "detail", "rewritten");
        TrailVerification v = TrailChainVerifier.verifyUpTo(new Repo(chain), 5, head);
        assertThat(v.intact()).isFalse();
        assertThat(v.reason()).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
        assertThat(v.seq()).isEqualTo(2);
    }

    @Test
    void trailRewrittenAndRehashedFromSomeEntryOnEndsAtAnotherHead() {
        List<TrailEntry> original = chain(6);
        String head = original.get(4).getEntryHash();
        // the whole chain recomputed with entry 3 replaced: self-consistent, but not what the report saw
        List<TrailEntry> rewritten = new ArrayList<>(original.subList(0, 2));
        String prev = rewritten.get(1).getEntryHash();
        for (int i = 3; i <= 6; i++) {
            TrailEntry e = TrailEntry.chain(i, record(i == 3 ? "mallory" : "user" + i, i), prev);
            rewritten.add(e);
            prev = e.getEntryHash();
        }
        TrailVerification v = TrailChainVerifier.verifyUpTo(new Repo(rewritten), 5, head);
        assertThat(v.intact()).isFalse();
        assertThat(v.reason()).isEqualTo(Reason.HEAD_MISMATCH);
        assertThat(v.expected()).isEqualTo(head);
        assertThat(v.actual()).isEqualTo(rewritten.get(4).getEntryHash());
    }

    @Test
    void deletedEntryBeforeTheHeadIsASequenceGapEvenWhenItWasTheHead() {
        List<TrailEntry> chain = new ArrayList<>(chain(6));
        String head = chain.get(4).getEntryHash();
        chain.remove(4); // entry 5, the report's head, deleted; entry 6 follows entry 4
        TrailVerification v = TrailChainVerifier.verifyUpTo(new Repo(chain), 5, head);
        assertThat(v.reason()).isEqualTo(Reason.SEQUENCE_GAP);
        assertThat(v.seq()).isEqualTo(5);
    }

    @Test
    void trailShorterThanTheReportsHeadIsAHeadMismatch() {
        List<TrailEntry> chain = chain(6);
        String head = chain.get(5).getEntryHash();
        TrailVerification v = TrailChainVerifier.verifyUpTo(new Repo(chain.subList(0, 4)), 6, head);
        assertThat(v.reason()).isEqualTo(Reason.HEAD_MISMATCH);
        assertThat(v.expected()).isEqualTo("last entry 6");
        assertThat(v.actual()).isEqualTo("last entry 4");
    }

    @Test
    void aReportIssuedOnAnEmptyTrailPrintsTheGenesisHead() {
        Repo repo = new Repo(chain(3));
        assertThat(TrailChainVerifier.verifyUpTo(repo, 0, TrailHasher.GENESIS_HASH).intact()).isTrue();
        assertThat(repo.judged).isZero();
        assertThat(TrailChainVerifier.verifyUpTo(repo, 0, "ab".repeat(32)).reason()).isEqualTo(Reason.HEAD_MISMATCH);
    }

    @Test
    void refusesANegativeSequenceOrNoHash() {
        assertThatThrownBy(() -> TrailChainVerifier.verifyUpTo(new Repo(List.of()), -1, TrailHasher.GENESIS_HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrailChainVerifier.verifyUpTo(new Repo(List.of()), 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** In-memory repository: only {@link #forEachInOrder} is used; counts the entries handed out. */
    private static final class Repo implements TrailRepository {
        private final List<TrailEntry> entries;
        int judged;

        Repo(List<TrailEntry> entries) {
            this.entries = entries;
        }

        @Override
        public void forEachInOrder(Predicate<TrailEntry> consumer) {
            for (TrailEntry e : entries) {
                judged++;
                if (!consumer.test(e)) {
                    return;
                }
            }
        }

        @Override
        public TrailEntry append(TrailRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TrailEntry> newest(String clinicId, int first, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(String clinicId) {
            return entries.size();
        }

        @Override
        public TrailHead lockedHead() {
            throw new UnsupportedOperationException("verifyUpTo needs no lock");
        }
    }

    private static List<TrailEntry> chain(int n) {
        List<TrailEntry> out = new ArrayList<>();
        String prev = TrailHasher.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            TrailEntry e = TrailEntry.chain(i, record("user" + i, i), prev);
            out.add(e);
            prev = e.getEntryHash();
        }
        return out;
    }

    private static TrailRecord record(String actor, int i) {
        return new TrailRecord(T0.plusSeconds(i), actor, "regulator", null, TrailAction.REPORT_ISSUED, "report",
                "CUSTOS-" + i, "detail " + i);
    }

    private static void set(TrailEntry entry, String field, Object value) throws Exception {
        Field f = TrailEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(entry, value);
    }
}
