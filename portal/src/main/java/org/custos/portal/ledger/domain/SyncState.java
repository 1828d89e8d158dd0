package org.custos.portal.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The sync's one row: the pinned checkpoint the verified index was built from, the verified height and hash (the
 * last stored verified block, or the checkpoint), since when the node is unreachable and the last error. Batches
 * lock this row, so two sync runs (or two cluster members) never store the same blocks twice.
 */
@Entity
@Table(name = "ledger_sync_state")
public class SyncState {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "checkpoint_number", nullable = false)
    private long checkpointNumber;

    @Column(name = "checkpoint_hash", nullable = false, length = 66)
    private String checkpointHash;

    @Column(name = "verified_number", nullable = false)
    private long verifiedNumber;

    @Column(name = "verified_hash", nullable = false, length = 66)
    private String verifiedHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "unreachable_since")
    private Instant unreachableSince;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    /** The block at which verification failed last and the sync stopped advancing; null when it advances. */
    @Column(name = "halted_at")
    private Long haltedAt;

    /** QBFT / IBFT 2.0: the validator set in force after the verified head (comma-separated, ascending). */
    @Column(name = "validators", length = 4000)
    private String validators;

    /** The number of stored verified blocks (kept with every batch and rollback: no COUNT on every poll). */
    @Column(name = "block_count", nullable = false)
    private long blockCount;

    /** The number of stored verified events, kept like {@link #blockCount}. */
    @Column(name = "event_count", nullable = false)
    private long eventCount;

    protected SyncState() {
    }

    public SyncState(long checkpointNumber, String checkpointHash, Instant at) {
        this.id = ID;
        this.checkpointNumber = checkpointNumber;
        this.checkpointHash = checkpointHash;
        this.verifiedNumber = checkpointNumber;
        this.verifiedHash = checkpointHash;
        this.updatedAt = at;
    }

    /**
     * A batch of {@code stored} blocks with {@code storedEvents} events was stored up to {@code number};
     * {@code validators} after it (or null).
     */
    public void advance(long number, String hash, String validatorsAfter, long stored, long storedEvents,
                        Instant at) {
        advance(number, hash, at);
        validators = validatorsAfter;
        blockCount += stored;
        eventCount += storedEvents;
    }

    /** Rolled back to {@code number}, {@code removed} blocks and {@code removedEvents} events deleted. */
    public void rolledBack(long number, String hash, long removed, long removedEvents, Instant at) {
        advance(number, hash, at);
        blockCount = Math.max(0, blockCount - removed);
        eventCount = Math.max(0, eventCount - removedEvents);
    }

    private void advance(long number, String hash, Instant at) {
        verifiedNumber = number;
        verifiedHash = hash;
        updatedAt = at;
        haltedAt = null;
    }

    public void unreachable(Instant since, String error) {
        if (unreachableSince == null) {
            unreachableSince = since;
        }
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
        updatedAt = since;
    }

    public void reachable(Instant at) {
        unreachableSince = null;
        updatedAt = at;
    }

    public void halted(long block, String error, Instant at) {
        haltedAt = block;
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
        updatedAt = at;
    }

    public long getCheckpointNumber() {
        return checkpointNumber;
    }

    public String getCheckpointHash() {
        return checkpointHash;
    }

    public long getVerifiedNumber() {
        return verifiedNumber;
    }

    public String getVerifiedHash() {
        return verifiedHash;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getUnreachableSince() {
        return unreachableSince;
    }

    public String getLastError() {
        return lastError;
    }

    public String getValidators() {
        return validators;
    }

    public long getBlockCount() {
        return blockCount;
    }

    public long getEventCount() {
        return eventCount;
    }

    public Long getHaltedAt() {
        return haltedAt;
    }
}
