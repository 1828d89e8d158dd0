package org.custos.verify.chain;

/**
 * The block header fields in RLP order (Besu {@code BlockHeader.writeTo}, geth {@code types.Header}), with their
 * JSON-RPC names and value kinds. Declaration order is hashing order: the 15 classic fields (Yellow Paper §4.3),
 * then the optional fields in the order forks added them.
 */
public enum HeaderField {
    PARENT_HASH("parentHash", Kind.HASH, 0),
    OMMERS_HASH("sha3Uncles", Kind.HASH, 0),
    BENEFICIARY("miner", Kind.ADDRESS, 0),
    STATE_ROOT("stateRoot", Kind.HASH, 0),
    TRANSACTIONS_ROOT("transactionsRoot", Kind.HASH, 0),
    RECEIPTS_ROOT("receiptsRoot", Kind.HASH, 0),
    LOGS_BLOOM("logsBloom", Kind.BLOOM, 0),
    DIFFICULTY("difficulty", Kind.QUANTITY, 0),
    NUMBER("number", Kind.QUANTITY, 0),
    GAS_LIMIT("gasLimit", Kind.QUANTITY, 0),
    GAS_USED("gasUsed", Kind.QUANTITY, 0),
    TIMESTAMP("timestamp", Kind.QUANTITY, 0),
    EXTRA_DATA("extraData", Kind.DATA, 0),
    MIX_HASH("mixHash", Kind.HASH, 0),
    NONCE("nonce", Kind.NONCE, 0),
    /** London, EIP-1559. */
    BASE_FEE_PER_GAS("baseFeePerGas", Kind.QUANTITY, 1),
    /** Shanghai, EIP-4895. */
    WITHDRAWALS_ROOT("withdrawalsRoot", Kind.HASH, 2),
    /** Cancun, EIP-4844 (always together with {@link #EXCESS_BLOB_GAS}). */
    BLOB_GAS_USED("blobGasUsed", Kind.QUANTITY, 3),
    /** Cancun, EIP-4844. */
    EXCESS_BLOB_GAS("excessBlobGas", Kind.QUANTITY, 3),
    /** Cancun, EIP-4788. */
    PARENT_BEACON_BLOCK_ROOT("parentBeaconBlockRoot", Kind.HASH, 4),
    /** Prague, EIP-7685. */
    REQUESTS_HASH("requestsHash", Kind.HASH, 5);

    /** How a value is written in JSON-RPC and how long it must be. */
    public enum Kind {
        /** 32 bytes. */ HASH,
        /** 20 bytes. */ ADDRESS,
        /** 256 bytes. */ BLOOM,
        /** 8 bytes. */ NONCE,
        /** Any length. */ DATA,
        /** A JSON-RPC quantity: {@code 0x}, no leading zeros, at most 32 bytes; RLP scalar. */ QUANTITY
    }

    private final String jsonName;
    private final Kind kind;
    private final int forkGroup;

    HeaderField(String jsonName, Kind kind, int forkGroup) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.forkGroup = forkGroup;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    /** 0 for the classic fields; optional fields in group g require every group before g. */
    public int forkGroup() {
        return forkGroup;
    }

    public boolean optional() {
        return forkGroup > 0;
    }
}
