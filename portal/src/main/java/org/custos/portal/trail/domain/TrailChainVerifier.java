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

    /**
     * Recomputes the chain from the first entry up to entry {@code seq} and compares it with {@code headHash}, the
     * head a signed report printed when it was issued (with or without {@code 0x}, any case). Entries after
     * {@code seq} are not judged: they were appended later and cannot change what the report saw. A trail rewritten
     * after the report was issued (an entry up to {@code seq} edited, replaced or deleted, or the chain
     * recomputed from some entry on) breaks the chain or ends at another hash, and the verdict says where.
     * Constant memory; no lock is needed, as appends only add entries after the head.
     */
    public static TrailVerification verifyUpTo(TrailRepository repository, long seq, String headHash) {
        if (seq < 0 || headHash == null) {
            throw new IllegalArgumentException("a report's trail head needs a sequence >= 0 and a hash");
        }
        String head = headHash.toLowerCase(java.util.Locale.ROOT);
        head = head.startsWith("0x") ? head.substring(2) : head;
        TrailChainVerifier verifier = new TrailChainVerifier();
        if (seq > 0) {
            // stops after entry seq; an entry past seq before it (a deleted entry) is fed in and is a SEQUENCE_GAP
            repository.forEachInOrder(e -> verifier.accept(e) && e.getSeq() < seq);
        }
        return verifier.finish(seq, head);
    }

    private boolean fail(Reason reason, long seq, String expected, String actual) {
        failure = TrailVerification.broken(checked, reason, seq, expected, actual);
        return false;
    }
}
