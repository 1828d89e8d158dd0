package org.custos.portal.trail.domain;

import org.custos.portal.trail.domain.TrailVerification.Reason;

/**
 * Recomputes the trail's hash chain entry by entry, in sequence order, so that a trail of any length is
 * checked in one pass with constant memory. Feed every entry to {@link #accept}, then call {@link #finish}
 * with the recorded head. The first break found is the verdict; later entries are not judged.
 */
public final class TrailChainVerifier {

    private long expectedSeq = 1;
    private String previousHash = TrailHasher.GENESIS_HASH;
    private long checked;
    private TrailVerification failure;

    /** Checks the next entry. Returns false once the chain is known to be broken (the caller may stop). */
    public boolean accept(TrailEntry entry) {
        if (failure != null) {
            return false;
        }
        if (entry.getSeq() != expectedSeq) {
            return fail(Reason.SEQUENCE_GAP, expectedSeq, Long.toString(expectedSeq),
                    Long.toString(entry.getSeq()));
        }
        if (!previousHash.equals(entry.getPrevHash())) {
            return fail(Reason.PREVIOUS_HASH_MISMATCH, entry.getSeq(), previousHash, entry.getPrevHash());
        }
        String recomputed = TrailHasher.hash(entry.getSeq(), entry.toRecord(), entry.getPrevHash());
        if (!recomputed.equals(entry.getEntryHash())) {
            return fail(Reason.ENTRY_HASH_MISMATCH, entry.getSeq(), recomputed, entry.getEntryHash());
        }
        checked++;
        expectedSeq++;
        previousHash = entry.getEntryHash();
        return true;
    }

    /** The verdict, comparing the last verified entry with the head recorded at append time. */
    public TrailVerification finish(long headSeq, String headHash) {
        if (failure != null) {
            return failure;
        }
        long lastSeq = expectedSeq - 1;
        if (lastSeq != headSeq) {
            return TrailVerification.broken(checked, Reason.HEAD_MISMATCH, lastSeq,
                    "last entry " + headSeq, "last entry " + lastSeq);
        }
        if (!previousHash.equals(headHash)) {
            return TrailVerification.broken(checked, Reason.HEAD_MISMATCH, lastSeq, headHash, previousHash);
        }
        return TrailVerification.intact(checked);
    }

    private boolean fail(Reason reason, long seq, String expected, String actual) {
        failure = TrailVerification.broken(checked, reason, seq, expected, actual);
        return false;
    }
}
