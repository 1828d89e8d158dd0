package org.custos.portal.trail.domain;

/**
 * The verdict on the trail's hash chain: intact, or broken at {@code seq} with a stable reason code and the
 * expected and actual values, so that a reader can see exactly what was changed.
 */
public record TrailVerification(boolean intact, long entriesChecked, Reason reason, Long seq,
                                String expected, String actual) {

    /** Stable reason codes. */
    public enum Reason {
        /** A stored hash does not match the hash recomputed from the entry's fields: the entry was edited. */
        ENTRY_HASH_MISMATCH,
        /** An entry's previous hash is not the hash of the entry before it: an entry was replaced. */
        PREVIOUS_HASH_MISMATCH,
        /** A sequence number is missing: an entry was deleted (or one was inserted out of order). */
        SEQUENCE_GAP,
        /** The chain ends before (or after) the recorded head: entries at the end were deleted or added. */
        HEAD_MISMATCH
    }

    public static TrailVerification intact(long entriesChecked) {
        return new TrailVerification(true, entriesChecked, null, null, null, null);
    }

    public static TrailVerification broken(long entriesChecked, Reason reason, long seq, String expected,
                                           String actual) {
        return new TrailVerification(false, entriesChecked, reason, seq, expected, actual);
    }

    /** One line for people and for the trail itself. */
    public String summary() {
        if (intact) {
            return "intact: " + entriesChecked + " entries recomputed and linked";
        }
        return "broken at entry " + seq + ": " + reason + " (expected " + expected + ", found " + actual + ")";
    }
}
