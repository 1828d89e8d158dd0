package org.custos.portal.reports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a report's evidence still matches the portal's verified ledger: every block hash it cites must equal
 * the verified block at that height. Compute and compare: the verdict names the first block (in the evidence's
 * order) that does not match, with the verified (expected) and cited (actual) hash. A block above the verified
 * head or outside the verified range is not a mismatch but is not confirmed either, and says so.
 *
 * @param outcome  the verdict
 * @param matched  blocks that matched before the verdict (all of them for {@link Outcome#MATCHES})
 * @param block    the block the verdict is about (the first not matching), or the last one matched
 * @param expected the verified hash at {@code block} (DIFFERS), or the verified range (NOT_VERIFIED, BEYOND_HEAD)
 * @param actual   the hash the evidence cites at {@code block}
 */
public record LedgerMatch(Outcome outcome, int matched, Long block, String expected, String actual) {

    /** Stable verdicts. */
    public enum Outcome {
        /** Every cited block equals the verified chain. */
        MATCHES,
        /** A cited block differs from the verified block at its height. */
        DIFFERS,
        /** A cited block lies above the portal's verified head: not (yet) confirmed. */
        BEYOND_HEAD,
        /** A cited block lies below the verified range (before the pinned checkpoint) or in no verified row. */
        NOT_VERIFIED,
        /** The portal has verified no block yet. */
        NOTHING_VERIFIED,
        /** The evidence cites no block. */
        NO_BLOCKS
    }

    /** Numbers asked of the index per query. */
    public static final int BATCH = 500;

    public static LedgerMatch check(List<EvidenceBlocks.Block> cited, VerifiedChain chain) {
        if (cited.isEmpty()) {
            return new LedgerMatch(Outcome.NO_BLOCKS, 0, null, null, null);
        }
        Optional<VerifiedChain.Range> range = chain.range();
        if (range.isEmpty()) {
            return new LedgerMatch(Outcome.NOTHING_VERIFIED, 0, cited.get(0).number(), null, cited.get(0).hash());
        }
        VerifiedChain.Range r = range.get();
        String verifiedRange = "verified blocks " + r.first() + ".." + r.head();
        int matched = 0;
        for (int start = 0; start < cited.size(); start += BATCH) {
            List<EvidenceBlocks.Block> batch = cited.subList(start, Math.min(cited.size(), start + BATCH));
            List<Long> numbers = new ArrayList<>();
            for (EvidenceBlocks.Block b : batch) {
                if (b.number() >= r.first() && b.number() <= r.head()) {
                    numbers.add(b.number());
                }
            }
            Map<Long, String> verified = numbers.isEmpty() ? Map.of() : chain.hashes(numbers);
            for (EvidenceBlocks.Block b : batch) {
                if (b.number() > r.head()) {
                    return new LedgerMatch(Outcome.BEYOND_HEAD, matched, b.number(), verifiedRange, b.hash());
                }
                String hash = verified.get(b.number());
                if (hash == null) {
                    return new LedgerMatch(Outcome.NOT_VERIFIED, matched, b.number(), verifiedRange, b.hash());
                }
                if (!hash.equalsIgnoreCase(b.hash())) {
                    return new LedgerMatch(Outcome.DIFFERS, matched, b.number(), hash, b.hash());
                }
                matched++;
            }
        }
        long first = cited.get(0).number();
        long last = cited.get(cited.size() - 1).number();
        return new LedgerMatch(Outcome.MATCHES, matched, last, "blocks " + first + ".." + last, null);
    }

    /** One sentence for the page (without its capital and full stop). */
    public String summary() {
        return switch (outcome) {
            case MATCHES -> "the evidence matches the verified chain at " + matched
                    + (matched == 1 ? " block" : " blocks") + " (" + expected + ")";
            case DIFFERS -> "the evidence differs from the verified chain at block " + block + " (" + matched
                    + " blocks matched before it): verified " + expected + ", report " + actual;
            case BEYOND_HEAD -> "block " + block + " of the evidence is beyond the verified head (" + expected + "; "
                    + matched + " blocks matched before it): not confirmed yet";
            case NOT_VERIFIED -> "block " + block + " of the evidence is not in the portal's verified chain ("
                    + expected + "; " + matched + " blocks matched before it)";
            case NOTHING_VERIFIED -> "the portal has verified no block yet: nothing to compare the evidence with";
            case NO_BLOCKS -> "the evidence cites no block";
        };
    }

    public boolean matches() {
        return outcome == Outcome.MATCHES;
    }
}
