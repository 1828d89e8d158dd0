package org.custos.portal.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.reports.domain.LedgerMatch.Outcome;
import org.junit.jupiter.api.Test;

/** Every cited block hash must equal the verified chain at that height; the first that does not is named. */
class LedgerMatchTest {

    @Test
    void everyBlockMatches() {
        FakeChain chain = new FakeChain(10, 20);
        LedgerMatch m = LedgerMatch.check(cited(10, 20, chain), chain);
        assertThat(m.outcome()).isEqualTo(Outcome.MATCHES);
        assertThat(m.matched()).isEqualTo(11);
        assertThat(m.summary()).isEqualTo("the evidence matches the verified chain at 11 blocks (blocks 10..20)");
    }

    @Test
    void theFirstDifferingBlockIsNamedWithBothHashes() {
        FakeChain chain = new FakeChain(10, 20);
        List<EvidenceBlocks.Block> cited = cited(10, 20, chain);
        cited.set(5, new EvidenceBlocks.Block(15, hash(999)));
        cited.set(7, new EvidenceBlocks.Block(17, hash(998)));
        LedgerMatch m = LedgerMatch.check(cited, chain);
        assertThat(m.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(m.block()).isEqualTo(15);
        assertThat(m.matched()).isEqualTo(5);
        assertThat(m.expected()).isEqualTo(hash(15));
        assertThat(m.actual()).isEqualTo(hash(999));
        assertThat(m.summary()).contains("at block 15").contains(hash(15)).contains(hash(999));
    }

    @Test
    void comparesWithoutRegardToCase() {
        FakeChain chain = new FakeChain(1, 1);
        var cited = List.of(new EvidenceBlocks.Block(1, hash(1).toUpperCase().replace("0X", "0x")));
        assertThat(LedgerMatch.check(cited, chain).outcome()).isEqualTo(Outcome.MATCHES);
    }

    @Test
    void blocksAboveTheVerifiedHeadAreNotConfirmed() {
        FakeChain chain = new FakeChain(10, 20);
        List<EvidenceBlocks.Block> cited = cited(18, 20, chain);
        cited.add(new EvidenceBlocks.Block(21, hash(21)));
        LedgerMatch m = LedgerMatch.check(cited, chain);
        assertThat(m.outcome()).isEqualTo(Outcome.BEYOND_HEAD);
        assertThat(m.block()).isEqualTo(21);
        assertThat(m.matched()).isEqualTo(3);
        assertThat(m.summary()).contains("beyond the verified head").contains("verified blocks 10..20");
    }

    @Test
    void blocksBelowTheCheckpointOrInAGapAreNotVerified() {
        FakeChain chain = new FakeChain(10, 20);
        assertThat(LedgerMatch.check(List.of(new EvidenceBlocks.Block(9, hash(9))), chain).outcome())
                .isEqualTo(Outcome.NOT_VERIFIED);
        chain.hashes.remove(12L);
        LedgerMatch gap = LedgerMatch.check(cited(10, 14, chain), chain);
        assertThat(gap.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(gap.block()).isEqualTo(12);
    }

    @Test
    void nothingVerifiedAndNoBlocksAreSaid() {
        assertThat(LedgerMatch.check(List.of(new EvidenceBlocks.Block(1, hash(1))), new FakeChain(1, 0)).outcome())
                .isEqualTo(Outcome.NOTHING_VERIFIED);
        assertThat(LedgerMatch.check(List.of(), new FakeChain(1, 5)).outcome()).isEqualTo(Outcome.NO_BLOCKS);
    }

    @Test
    void asksTheIndexInBatchesNotOncePerBlock() {
        FakeChain chain = new FakeChain(0, 1999);
        LedgerMatch m = LedgerMatch.check(cited(0, 1999, chain), chain);
        assertThat(m.matched()).isEqualTo(2000);
        assertThat(chain.queries).isEqualTo(4);
        assertThat(chain.largestQuery).isEqualTo(LedgerMatch.BATCH);
    }

    @Test
    void aDuplicatedOrReorderedBlockIsComparedAtItsOwnHeight() {
        FakeChain chain = new FakeChain(1, 5);
        var cited = List.of(new EvidenceBlocks.Block(3, hash(3)), new EvidenceBlocks.Block(3, hash(3)),
                new EvidenceBlocks.Block(1, hash(2)));
        LedgerMatch m = LedgerMatch.check(cited, chain);
        assertThat(m.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(m.block()).isEqualTo(1);
    }

    private static List<EvidenceBlocks.Block> cited(long from, long to, FakeChain chain) {
        List<EvidenceBlocks.Block> out = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            out.add(new EvidenceBlocks.Block(n, hash(n)));
        }
        return out;
    }

    static String hash(long n) {
        return "0x" + String.format("%064x", n * 7919 + 1);
    }

    /** Verified blocks first..head with {@link #hash}; counts the queries. */
    static final class FakeChain implements VerifiedChain {
        final Map<Long, String> hashes = new HashMap<>();
        final long first;
        final long head;
        int queries;
        int largestQuery;

        FakeChain(long first, long head) {
            this.first = first;
            this.head = head;
            for (long n = first; n <= head; n++) {
                hashes.put(n, hash(n));
            }
        }

        @Override
        public Optional<Range> range() {
            return head < first ? Optional.empty() : Optional.of(new Range(first, head));
        }

        @Override
        public Map<Long, String> hashes(Collection<Long> numbers) {
            queries++;
            largestQuery = Math.max(largestQuery, numbers.size());
            Map<Long, String> out = new HashMap<>();
            numbers.forEach(n -> {
                if (hashes.containsKey(n)) {
                    out.put(n, hashes.get(n));
                }
            });
            return out;
        }
    }
}
