package org.custos.portal.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/**
 * A block whose header hash, link to its parent (back to the pinned checkpoint), seal (per consensus) and
 * transactions and receipts roots were recomputed and matched before it was stored. Only the sync stores these,
 * one transaction per batch; nothing that failed a check is ever stored here.
 */
@Entity
@Table(name = "ledger_block")
public class VerifiedBlock {

    @Id
    @Column(name = "number")
    private long number;

    @Column(name = "hash", nullable = false, length = 66)
    private String hash;

    @Column(name = "parent_hash", nullable = false, length = 66)
    private String parentHash;

    @Column(name = "state_root", nullable = false, length = 66)
    private String stateRoot;

    @Column(name = "transactions_root", nullable = false, length = 66)
    private String transactionsRoot;

    @Column(name = "receipts_root", nullable = false, length = 66)
    private String receiptsRoot;

    @Column(name = "block_time", nullable = false)
    private Instant blockTime;

    @Column(name = "tx_count", nullable = false)
    private int txCount;

    @Column(name = "event_count", nullable = false)
    private int eventCount;

    /** Recovered signer(s), comma-separated (Clique: the signer; QBFT/IBFT 2.0: the committers; dev: none). */
    @Column(name = "sealers", length = 2000)
    private String sealers;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    /**
     * QBFT / IBFT 2.0: the validator set in force after this block (comma-separated, ascending), as replayed while
     * verifying; the store keeps the last one of a batch with the verified head. Not a column of the block.
     */
    @Transient
    private String validatorsAfter;

    /**
     * The personal data the ledger-wide scan found in this block's proven transactions and logs
     * ({@link LedgerScan}); stored with the block in the same transaction. Not a column of the block.
     */
    @Transient
    private java.util.List<PersonalDataHit> personalData = java.util.List.of();

    protected VerifiedBlock() {
    }

    void personalData(java.util.List<PersonalDataHit> hits) {
        this.personalData = java.util.List.copyOf(hits);
    }

    public java.util.List<PersonalDataHit> getPersonalData() {
        return personalData;
    }

    void validatorsAfter(String validators) {
        this.validatorsAfter = validators;
    }

    public String getValidatorsAfter() {
        return validatorsAfter;
    }

    public VerifiedBlock(long number, String hash, String parentHash, String stateRoot, String transactionsRoot,
                         String receiptsRoot, Instant blockTime, int txCount, int eventCount, String sealers,
                         Instant verifiedAt) {
        this.number = number;
        this.hash = hash;
        this.parentHash = parentHash;
        this.stateRoot = stateRoot;
        this.transactionsRoot = transactionsRoot;
        this.receiptsRoot = receiptsRoot;
        this.blockTime = blockTime;
        this.txCount = txCount;
        this.eventCount = eventCount;
        this.sealers = sealers;
        this.verifiedAt = verifiedAt;
    }

    public long getNumber() {
        return number;
    }

    public String getHash() {
        return hash;
    }

    public String getParentHash() {
        return parentHash;
    }

    public String getStateRoot() {
        return stateRoot;
    }

    public String getTransactionsRoot() {
        return transactionsRoot;
    }

    public String getReceiptsRoot() {
        return receiptsRoot;
    }

    public Instant getBlockTime() {
        return blockTime;
    }

    public int getTxCount() {
        return txCount;
    }

    public int getEventCount() {
        return eventCount;
    }

    public String getSealers() {
        return sealers;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    /** Everything but the verification time: equal for two syncs of the same chain. */
    public String contentKey() {
        return number + "|" + hash + "|" + parentHash + "|" + stateRoot + "|" + transactionsRoot + "|"
                + receiptsRoot + "|" + blockTime + "|" + txCount + "|" + eventCount + "|" + sealers;
    }
}
