package org.custos.portal.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Personal data found by the sync's ledger-wide scan ({@link LedgerScan}) in proven bytes of a verified block: a
 * transaction's input or creation code (under the transactions root) or a log's data or topic (under the receipts
 * root). It names where (block, transaction, place, log index, byte offset) and what kind, never the data. The
 * sender is recovered from the transaction's signature (empty when the signature proves none). Stored with its
 * block in the same transaction, so the rules read these rows and never rescan the ledger. Its id is
 * {@code block * }{@value #PER_BLOCK}{@code  + n} (n-th hit of the block, scan order).
 */
@Entity
@Table(name = "ledger_personal_data")
public class PersonalDataHit {

    /** Hits kept per block at most (a hostile block cannot grow the index without bound). */
    public static final int PER_BLOCK = 1000;

    /** Where in a transaction the bytes were. */
    public enum Place { INPUT, CREATION, LOG_DATA, LOG_TOPIC }

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "block_number", nullable = false)
    private long blockNumber;

    @Column(name = "tx_index", nullable = false)
    private int txIndex;

    @Column(name = "tx_hash", nullable = false, length = 66)
    private String txHash;

    /** Recovered from the signature; null when it recovers to none. */
    @Column(name = "sender", length = 42)
    private String sender;

    @Column(name = "place", nullable = false, length = 16)
    private String place;

    /** Block-wide log index (logs only). */
    @Column(name = "log_index")
    private Integer logIndex;

    /** Topic position (topics only). */
    @Column(name = "topic_index")
    private Integer topicIndex;

    /** The called contract (input) or the log's contract; null for a creation. */
    @Column(name = "contract", length = 42)
    private String contract;

    @Column(name = "byte_offset", nullable = false)
    private int byteOffset;

    @Column(name = "byte_length", nullable = false)
    private int byteLength;

    @Column(name = "rule_id", nullable = false, length = 16)
    private String ruleId;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "encoding", nullable = false, length = 64)
    private String encoding;

    @Column(name = "bits_per_byte", nullable = false)
    private double bitsPerByte;

    @Column(name = "block_time", nullable = false)
    private Instant blockTime;

    /** The verified block's receipts root (read with the row from {@code ledger_block}; a log is proven under it). */
    @org.hibernate.annotations.Formula("(select b.receipts_root from ledger_block b where b.number = block_number)")
    private String receiptsRoot;

    /** The verified block's transactions root (a transaction's input and creation code are proven under it). */
    @org.hibernate.annotations.Formula("(select b.transactions_root from ledger_block b where b.number = block_number)")
    private String transactionsRoot;

    protected PersonalDataHit() {
    }

    public PersonalDataHit(long id, long blockNumber, int txIndex, String txHash, String sender, Place place,
                           Integer logIndex, Integer topicIndex, String contract, int byteOffset, int byteLength,
                           String ruleId, String kind, String encoding, double bitsPerByte, Instant blockTime) {
        this.id = id;
        this.blockNumber = blockNumber;
        this.txIndex = txIndex;
        this.txHash = txHash;
        this.sender = sender;
        this.place = place.name();
        this.logIndex = logIndex;
        this.topicIndex = topicIndex;
        this.contract = contract;
        this.byteOffset = byteOffset;
        this.byteLength = byteLength;
        this.ruleId = ruleId;
        this.kind = kind;
        this.encoding = encoding;
        this.bitsPerByte = bitsPerByte;
        this.blockTime = blockTime;
    }

    /** "input", "creation" or "log:&lt;index&gt;": the place a finding is keyed by (one finding per place). */
    public String placeKey() {
        return switch (Place.valueOf(place)) {
            case INPUT -> "input";
            case CREATION -> "creation";
            case LOG_DATA, LOG_TOPIC -> "log:" + logIndex;
        };
    }

    /** Where in the place: "calldata offset 68", "log data offset 96", "topic 1 offset 0", "creation code offset 8". */
    public String position() {
        return switch (Place.valueOf(place)) {
            case INPUT -> "calldata offset " + byteOffset;
            case CREATION -> "creation code offset " + byteOffset;
            case LOG_DATA -> "log data offset " + byteOffset;
            case LOG_TOPIC -> "topic " + topicIndex + " offset " + byteOffset;
        };
    }

    public long getId() {
        return id;
    }

    public long getBlockNumber() {
        return blockNumber;
    }

    public int getTxIndex() {
        return txIndex;
    }

    public String getTxHash() {
        return txHash;
    }

    public String getSender() {
        return sender;
    }

    public String getPlace() {
        return place;
    }

    public Integer getLogIndex() {
        return logIndex;
    }

    public Integer getTopicIndex() {
        return topicIndex;
    }

    public String getContract() {
        return contract;
    }

    public int getByteOffset() {
        return byteOffset;
    }

    public int getByteLength() {
        return byteLength;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getKind() {
        return kind;
    }

    public String getEncoding() {
        return encoding;
    }

    public double getBitsPerByte() {
        return bitsPerByte;
    }

    /** The block's receipts root when the row was read from the store; null for a hit not yet stored. */
    public String getReceiptsRoot() {
        return receiptsRoot;
    }

    /** The block's transactions root when the row was read from the store; null for a hit not yet stored. */
    public String getTransactionsRoot() {
        return transactionsRoot;
    }

    public Instant getBlockTime() {
        return blockTime;
    }
}
