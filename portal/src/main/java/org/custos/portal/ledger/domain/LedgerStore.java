package org.custos.portal.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the sync keeps the verified index. Each write method is one transaction of its own, and
 * {@link #storeBatch} locks the state row, so a batch is stored completely or not at all, exactly once.
 */
public interface LedgerStore {

    /**
     * The sync state; created at the checkpoint on first use. Throws {@link LedgerConfigException} when the
     * stored index was built from another checkpoint (another chain): it is never mixed with a new one.
     */
    SyncState state(LedgerSettings.Checkpoint checkpoint, Instant now);

    /**
     * Stores verified blocks (consecutive, the first a child of the verified head) and their events, and advances
     * the verified head to the last block. Throws {@link IllegalStateException} when the verified head is no longer
     * {@code parentNumber}/{@code parentHash} (another run stored or rolled back meanwhile): nothing is stored.
     */
    void storeBatch(long parentNumber, String parentHash, List<VerifiedBlock> blocks, List<VerifiedEvent> events,
                    Instant now);

    /** The verified hash at {@code number} (a stored block, or the checkpoint), if any. */
    Optional<String> verifiedHash(long number);

    /** Removes verified blocks and events above {@code number} (a reorganisation); the head becomes that block. */
    void rollbackTo(long number, String hash, Instant now);

    /** Records an alert (or counts it again if the same failure is open) and marks the sync halted at its block. */
    void recordAlert(IntegrityAlert alert, Instant now);

    /** The node could not be reached (kept: the first time of an unbroken run of failures). */
    void recordUnreachable(Instant now, String error);

    /** The node answered again. */
    void recordReachable(Instant now);
}
