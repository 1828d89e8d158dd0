package org.custos.verify;

/**
 * Stable reason codes of a rejected verification. The names are part of the public contract (the portal stores
 * them and reports quote them): add new values, never rename or reuse one.
 */
public enum ReasonCode {

    // --- RFC 9162 Merkle proofs ---
    /** Leaf index is not below the tree size (also: a tree of size 0 has no leaves to include). */
    INDEX_OUT_OF_RANGE,
    /** A hash given to the verifier does not have the digest length (32 bytes). */
    HASH_LENGTH_INVALID,
    /** The proof has a different number of hashes than the tree sizes require. */
    PROOF_LENGTH_MISMATCH,
    /** The root recomputed from the proof differs from the claimed root. */
    ROOT_MISMATCH,
    /** Consistency proof asked for a first tree larger than the second. */
    SIZE_ORDER_INVALID,
    /** Consistency proof from the empty tree (size1 == 0): rejected by policy, it proves nothing. */
    EMPTY_FIRST_TREE,
    /** The first-tree root recomputed from a consistency proof differs from the claimed first root. */
    FIRST_ROOT_MISMATCH,
    /** The second-tree root recomputed from a consistency proof differs from the claimed second root. */
    SECOND_ROOT_MISMATCH,

    // --- block headers and hash chains ---
    /** The recomputed block hash differs from the hash the node claimed. */
    HASH_MISMATCH,
    /** A header's parentHash is not the recomputed hash of the previous header. */
    PARENT_MISMATCH,
    /** Block numbers do not increase by exactly one. */
    NUMBER_GAP,
    /** The first header's recomputed hash is not the pinned checkpoint hash. */
    CHECKPOINT_MISMATCH,
    /** The header carries a field this verifier does not know; it is not hashed (fail closed). */
    UNKNOWN_FIELD,
    /** A field required for the header's fork is absent. */
    MISSING_FIELD,
    /** Optional header fields present in a combination no fork defines (e.g. withdrawalsRoot without baseFee). */
    IMPOSSIBLE_FIELD_COMBINATION,
    /** A header field value is not in the canonical JSON-RPC form or has the wrong length. */
    MALFORMED_FIELD,
    /** Nothing to verify: an empty chain proves nothing. */
    EMPTY_CHAIN,

    // --- block bodies: transactions, receipts, withdrawals ---
    /** KEC of a transaction's canonical encoding differs from the hash the node claimed. */
    TRANSACTION_HASH_MISMATCH,
    /** The trie root of the transactions differs from the header's transactionsRoot. */
    TRANSACTIONS_ROOT_MISMATCH,
    /** The trie root of the receipts differs from the header's receiptsRoot. */
    RECEIPTS_ROOT_MISMATCH,
    /** A bloom recomputed from logs differs from the claimed receipt or header logsBloom. */
    LOGS_BLOOM_MISMATCH,
    /** The last receipt's cumulativeGasUsed differs from the header's gasUsed. */
    GAS_USED_MISMATCH,
    /** The trie root of the withdrawals differs from the header's withdrawalsRoot. */
    WITHDRAWALS_ROOT_MISMATCH,
    /** A transaction or receipt type this verifier cannot encode; it is not guessed at (fail closed). */
    UNSUPPORTED_TRANSACTION_TYPE,
    /**
     * A field no root commits to but that follows from verified data (a position, the block's hash or number,
     * a difference of cumulative gas, the transaction at the same index) differs from the value derived here.
     */
    DERIVED_FIELD_MISMATCH,

    // --- consensus: seals, quorum, validator sets ---
    /** A seal is not a recoverable secp256k1 signature (r or s outside [1, n-1], bad v, no curve point). */
    SEAL_UNRECOVERABLE,
    /** A seal (BFT commit seal, Clique signature) recovers to an address outside the authorised set. */
    SEAL_BY_NON_VALIDATOR,
    /** Two commit seals of one block recover to the same validator. */
    DUPLICATE_COMMITTER,
    /** Fewer distinct validator commit seals than ceil(2n/3). */
    QUORUM_NOT_REACHED,
    /** extraData does not have the exact layout of the consensus protocol (reported by chain verifiers). */
    MALFORMED_EXTRA_DATA,
    /** A BFT block's own validator list differs from the set the verifier derived for its parent. */
    VALIDATOR_SET_MISMATCH,
    /** A BFT block's proposer (coinbase) is not a validator of its parent. */
    PROPOSER_NOT_VALIDATOR,

    // --- EIP-1186 account and storage proofs ---
    /** A proof node's KEC differs from the reference its parent (or the root) holds for it. */
    PROOF_NODE_HASH_MISMATCH,
    /** The walk needs a further proof node but the proof has none. */
    PROOF_NODE_MISSING,
    /** The proof has nodes after the one that ends the walk. */
    PROOF_NODE_SURPLUS,
    /** A proof node is not a branch, extension or leaf in canonical RLP (or an inline node is 32 bytes or more). */
    MALFORMED_PROOF_NODE,
    /** The walk cannot follow the key (the key ends inside a branch or an extension runs past it). */
    PROOF_PATH_MISMATCH,
    /** The proof proves a value, but it differs from the claimed account or storage value. */
    PROOF_VALUE_MISMATCH,
    /** The claim says "absent" (empty account, zero slot), but the proof proves a value. */
    CLAIMED_ABSENT_BUT_PRESENT,
    /** The claim gives a value, but the proof proves the key absent. */
    CLAIMED_PRESENT_BUT_ABSENT,
    /** An {@code eth_getProof} answer is for another account than the one asked. */
    PROOF_ADDRESS_MISMATCH,
    /** An answer's storage proofs are not exactly one per storage key asked (one missing, extra or repeated). */
    STORAGE_KEYS_MISMATCH,

    // --- transcripts and command-line verification ---
    /** A claimed event (block, tx index, log index) is not among the verified receipts' logs or differs. */
    EVENT_NOT_PROVEN,
    /** A block, receipt list or proof the check needs is missing from the evidence. */
    EVIDENCE_MISSING,

    // --- custos-evidence/2: anchored Merkle proofs, KMS deletion receipts ---
    /** An anchored RFC 9162 proof's root is not the word of the proven event its anchor names. */
    MERKLE_ROOT_NOT_ANCHORED,
    /** An anchored RFC 9162 proof's tree size is not the size word of the proven event its anchor names. */
    MERKLE_SIZE_NOT_ANCHORED,
    /** An entry refers to a claimed event the transcript does not have (index beyond its proven events). */
    EVENT_REFERENCE_MISSING,
    /** An anchor names a 32-byte word beyond the referenced event's data. */
    ANCHOR_WORD_OUT_OF_RANGE,
    /** An inclusion proof's leafHash is not SHA-256(0x00 || leaf) of the leaf it carries (RFC 9162 §2.1.1). */
    LEAF_HASH_MISMATCH,
    /** A referenced event is not of the kind the entry needs (topic0, topic count or data length differ). */
    EVENT_KIND_MISMATCH,
    /** SHA-256 of a KMS deletion receipt differs from the kmsDeletionReceiptHash its KeyDestroyed event anchors. */
    KMS_RECEIPT_HASH_MISMATCH,
    /** A KMS deletion receipt is not a JSON object naming the event's clinic and key id. */
    KMS_RECEIPT_CONTENT_MISMATCH,
    /** A KMS receipt signature is not a recoverable 65-byte secp256k1 signature. */
    KMS_SIGNATURE_INVALID,
    /** A KMS receipt's EIP-191 signature recovers to another address than the clinic's bound attestation key. */
    KMS_WRONG_SIGNER,
    /**
     * The clinic's KMS attestation key is not bound by the evidence: no binding, a registration of another
     * clinic or after the deletion, a state proof at another block or of another slot, or a malformed value.
     */
    ATTESTATION_KEY_NOT_BOUND
}
