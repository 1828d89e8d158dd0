package org.custos.portal.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A consortium event decoded from a log of a proven receipt: the log is in the receipt, the receipt under the
 * receiptsRoot of a verified header, the header chained to the pinned checkpoint. The proof path is
 * (block, transaction index, log index) → {@link VerifiedBlock}. Its id is {@code block * 1_000_000 + logIndex}.
 */
@Entity
@Table(name = "ledger_event")
public class VerifiedEvent {

    /** Log indexes per block stay below this (a block would need over 1,000,000 logs). */
    public static final long LOGS_PER_BLOCK = 1_000_000L;

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "block_number", nullable = false)
    private long blockNumber;

    @Column(name = "tx_index", nullable = false)
    private int txIndex;

    @Column(name = "log_index", nullable = false)
    private int logIndex;

    @Column(name = "tx_hash", nullable = false, length = 66)
    private String txHash;

    @Column(name = "contract", nullable = false, length = 42)
    private String contract;

    @Column(name = "contract_role", nullable = false, length = 32)
    private String contractRole;

    @Column(name = "event_name", nullable = false, length = 64)
    private String eventName;

    @Column(name = "clinic_id", length = 66)
    private String clinicId;

    @Column(name = "fields_json", nullable = false, length = 4000)
    private String fieldsJson;

    @Column(name = "topics", nullable = false, length = 300)
    private String topics;

    @Column(name = "data", nullable = false, length = 4000)
    private String data;

    @Column(name = "block_time", nullable = false)
    private Instant blockTime;

    protected VerifiedEvent() {
    }

    public VerifiedEvent(long blockNumber, int txIndex, int logIndex, String txHash, String contract,
                         String contractRole, String eventName, String clinicId, String fieldsJson, String topics,
                         String data, Instant blockTime) {
        this.id = blockNumber * LOGS_PER_BLOCK + logIndex;
        this.blockNumber = blockNumber;
        this.txIndex = txIndex;
        this.logIndex = logIndex;
        this.txHash = txHash;
        this.contract = contract;
        this.contractRole = contractRole;
        this.eventName = eventName;
        this.clinicId = clinicId;
        this.fieldsJson = fieldsJson;
        this.topics = topics;
        this.data = data;
        this.blockTime = blockTime;
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

    public int getLogIndex() {
        return logIndex;
    }

    public String getTxHash() {
        return txHash;
    }

    public String getContract() {
        return contract;
    }

    public String getContractRole() {
        return contractRole;
    }

    public String getEventName() {
        return eventName;
    }

    public String getClinicId() {
        return clinicId;
    }

    public String getFieldsJson() {
        return fieldsJson;
    }

    /** Topics, comma-separated 0x hex. */
    public String getTopics() {
        return topics;
    }

    public String getData() {
        return data;
    }

    public Instant getBlockTime() {
        return blockTime;
    }

    /** Everything stored: equal for two syncs of the same chain. */
    public String contentKey() {
        return id + "|" + txIndex + "|" + txHash + "|" + contract + "|" + contractRole + "|" + eventName + "|"
                + clinicId + "|" + fieldsJson + "|" + topics + "|" + data + "|" + blockTime;
    }
}
