package org.custos.verify.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.trie.OrderedIndexTrie;

/**
 * Verifies a block's transactions, receipts and withdrawals, given as JSON-RPC objects, against the roots in an
 * already verified header. Each item is re-encoded here (never taken from the node as bytes), its trie root
 * recomputed (Yellow Paper §4.3 eq. 32-34: the trie with keys RLP(index)) and compared.
 *
 * <p>Malformed objects or unsupported types throw {@link RpcFormatException}: a verdict is only given on data
 * this verifier can encode exactly.
 */
public final class BlockBodyVerifier {

    private BlockBodyVerifier() {
    }

    /**
     * Every transaction's KEC(encoding) equals its claimed {@code hash} ({@code TRANSACTION_HASH_MISMATCH}), and the
     * trie root of the encodings equals the header's transactionsRoot ({@code TRANSACTIONS_ROOT_MISMATCH}).
     * Precondition: {@code transactions} are the full objects ({@code eth_getBlockByNumber(n, true)}), in block
     * order, and all of them; a null element throws {@link RpcFormatException} ({@code MALFORMED_FIELD}).
     */
    public static VerificationResult verifyTransactions(BlockHeader header,
                                                        List<? extends Map<String, ?>> transactions) {
        List<byte[]> encodings = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            Map<String, ?> tx = element(transactions, i, "transactions");
            byte[] encoding = TransactionEncoder.encode(tx);
            Bytes hash = Bytes.of(Hashes.keccak256(encoding));
            Bytes claimed = RpcValues.fixed("hash", RpcValues.required(tx, "hash"), 32);
            if (!hash.equals(claimed)) {
                return rejected(ReasonCode.TRANSACTION_HASH_MISMATCH, "transaction " + i, claimed, hash);
            }
            encodings.add(encoding);
        }
        return compareRoot(ReasonCode.TRANSACTIONS_ROOT_MISMATCH, header.get(HeaderField.TRANSACTIONS_ROOT),
                encodings);
    }

    /**
     * Every receipt's claimed {@code logsBloom} equals the bloom recomputed from its logs, the trie root of the
     * re-encoded receipts equals receiptsRoot, the or of the blooms equals the header's logsBloom
     * ({@code LOGS_BLOOM_MISMATCH}, {@code RECEIPTS_ROOT_MISMATCH}), and the last cumulativeGasUsed equals
     * gasUsed ({@code GAS_USED_MISMATCH}). Precondition: all receipts of the block, in order.
     */
    public static VerificationResult verifyReceipts(BlockHeader header, List<? extends Map<String, ?>> receipts) {
        List<byte[]> encodings = new ArrayList<>(receipts.size());
        LogsBloom blockBloom = new LogsBloom();
        for (int i = 0; i < receipts.size(); i++) {
            Map<String, ?> receipt = element(receipts, i, "receipts");
            Bytes bloom = Bytes.of(ReceiptEncoder.bloom(receipt));
            Bytes claimed = RpcValues.fixed("logsBloom", RpcValues.required(receipt, "logsBloom"), LogsBloom.LENGTH);
            if (!bloom.equals(claimed)) {
                return rejected(ReasonCode.LOGS_BLOOM_MISMATCH, "receipt " + i, claimed, bloom);
            }
            blockBloom.or(bloom.toArray());
            encodings.add(ReceiptEncoder.encode(receipt));
        }
        VerificationResult root = compareRoot(ReasonCode.RECEIPTS_ROOT_MISMATCH,
                header.get(HeaderField.RECEIPTS_ROOT), encodings);
        if (!root.verified()) {
            return root;
        }
        Bytes headerBloom = header.get(HeaderField.LOGS_BLOOM);
        if (!headerBloom.equals(Bytes.of(blockBloom.toBytes()))) {
            return rejected(ReasonCode.LOGS_BLOOM_MISMATCH, "header logsBloom", headerBloom,
                    Bytes.of(blockBloom.toBytes()));
        }
        return compareGasUsed(header, receipts);
    }

    /**
     * EIP-4895: the trie root of RLP([index, validatorIndex, address, amount]) per withdrawal equals the header's
     * withdrawalsRoot ({@code WITHDRAWALS_ROOT_MISMATCH}; {@code MISSING_FIELD} if the header has none).
     */
    public static VerificationResult verifyWithdrawals(BlockHeader header,
                                                       List<? extends Map<String, ?>> withdrawals) {
        Bytes expected = header.get(HeaderField.WITHDRAWALS_ROOT);
        if (expected == null) {
            return VerificationResult.rejected(ReasonCode.MISSING_FIELD, "withdrawalsRoot", "a Shanghai header",
                    "no withdrawalsRoot");
        }
        List<byte[]> encodings = new ArrayList<>(withdrawals.size());
        for (int i = 0; i < withdrawals.size(); i++) {
            Map<String, ?> w = element(withdrawals, i, "withdrawals");
            encodings.add(Rlp.encodeList(TransactionEncoder.scalar(w, "index"),
                    TransactionEncoder.scalar(w, "validatorIndex"),
                    Rlp.encodeBytes(RpcValues.fixed("address", RpcValues.required(w, "address"), 20).toArray()),
                    TransactionEncoder.scalar(w, "amount")));
        }
        return compareRoot(ReasonCode.WITHDRAWALS_ROOT_MISMATCH, expected, encodings);
    }

    /** A list element that must be a JSON object: a null (or a hash) there is malformed input, never an NPE. */
    private static <T extends Map<String, ?>> T element(List<T> list, int index, String name) {
        T item = list.get(index);
        if (item == null) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name + "[" + index + "]",
                    "expected an object, got null");
        }
        return item;
    }

    private static VerificationResult compareGasUsed(BlockHeader header, List<? extends Map<String, ?>> receipts) {
        Bytes gasUsed = header.get(HeaderField.GAS_USED);
        Bytes last = receipts.isEmpty() ? Bytes.empty()
                : RpcValues.quantity("cumulativeGasUsed", receipts.get(receipts.size() - 1).get("cumulativeGasUsed"));
        return gasUsed.equals(last) ? VerificationResult.ok()
                : rejected(ReasonCode.GAS_USED_MISMATCH, "header gasUsed", gasUsed, last);
    }

    private static VerificationResult compareRoot(ReasonCode reason, Bytes expected, List<byte[]> encodings) {
        Bytes actual = Bytes.of(OrderedIndexTrie.rootHash(encodings));
        return expected.equals(actual) ? VerificationResult.ok() : rejected(reason, "root", expected, actual);
    }

    private static VerificationResult rejected(ReasonCode reason, String subject, Bytes expected, Bytes actual) {
        return VerificationResult.rejected(reason, subject, expected.toHex(), actual.toHex());
    }
}
