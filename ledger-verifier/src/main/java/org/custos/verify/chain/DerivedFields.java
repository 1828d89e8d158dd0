package org.custos.verify.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;

/**
 * The members of JSON-RPC transactions, receipts and logs that no root commits to. Each one is either derived
 * here from verified data and compared ({@code DERIVED_FIELD_MISMATCH}), or reported as <em>unproven</em> and
 * never called verified:
 * <ul>
 *   <li>derived from the block: {@code blockHash} (the recomputed block hash), {@code blockNumber}, and the
 *       position: a transaction's and a receipt's {@code transactionIndex} (its index in the block), a log's
 *       {@code transactionIndex} and block-wide {@code logIndex} (counted over the receipts in order);</li>
 *   <li>derived from the receipts: a receipt's {@code gasUsed} = its {@code cumulativeGasUsed} minus the previous
 *       receipt's (Yellow Paper §4.4.1: the receipt commits only to the cumulative figure);</li>
 *   <li>derived from the transaction at the same index (only when the block's transaction list is verified too):
 *       a receipt's and a log's {@code transactionHash}, a receipt's {@code to};</li>
 *   <li>a log's {@code removed} must be {@code false} (a verified block's logs are not removed);</li>
 *   <li>unproven: a transaction's {@code from} (recoverable from the signature, not recovered here), a receipt's
 *       {@code from} and {@code contractAddress} (follow from the sender), {@code effectiveGasPrice},
 *       {@code blockTimestamp}, blob gas figures, a typed transaction's {@code gasPrice}, and any member not named
 *       above. {@link #unprovenTransactionMembers}, {@link #RECEIPT_PROVEN} and {@link #LOG_PROVEN} say which.</li>
 * </ul>
 * Preconditions: the transactions (if given) and receipts were verified against the roots of {@code header}.
 */
public final class DerivedFields {

    /** Receipt members committed to by receiptsRoot or derived here (given the transaction list). */
    public static final Set<String> RECEIPT_PROVEN = Set.of("type", "status", "cumulativeGasUsed", "logsBloom",
            "logs", "transactionIndex", "blockHash", "blockNumber", "gasUsed", "transactionHash", "to");
    /** Log members committed to by receiptsRoot or derived here (given the transaction list). */
    public static final Set<String> LOG_PROVEN = Set.of("address", "topics", "data", "logIndex",
            "transactionIndex", "transactionHash", "blockHash", "blockNumber", "removed");
    private static final Set<String> TX_DERIVED = Set.of("blockHash", "blockNumber", "transactionIndex");
    private static final Set<String> NEED_TRANSACTIONS = Set.of("transactionHash", "to");

    private DerivedFields() {
    }

    /** The members of a transaction object that are neither committed to by its hash nor derived here. */
    public static Set<String> unprovenTransactionMembers(Map<String, ?> tx) {
        Set<String> committed = TransactionEncoder.committedMembers(tx);
        Set<String> out = new TreeSet<>();
        for (String name : tx.keySet()) {
            if (!committed.contains(name) && !TX_DERIVED.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Each transaction's {@code blockHash}, {@code blockNumber} and {@code transactionIndex}, where present,
     * equal the block's and its position; unproven members are added to {@code unproven} as
     * {@code transaction.NAME}.
     */
    public static VerificationResult verifyTransactions(BlockHeader header, Bytes blockHash,
                                                        List<? extends Map<String, ?>> transactions,
                                                        Set<String> unproven) {
        for (int i = 0; i < transactions.size(); i++) {
            Map<String, ?> tx = transactions.get(i);
            String subject = "block " + header.number() + " transaction " + i;
            VerificationResult r = position(subject, tx, header, blockHash, i);
            if (!r.verified()) {
                return r;
            }
            unprovenTransactionMembers(tx).forEach(name -> unproven.add("transaction." + name));
        }
        return VerificationResult.ok();
    }

    /**
     * Each receipt's and log's derived members, where present, equal the values derived from the block, the
     * position, the cumulative gas and (if {@code transactions} is not null) the transaction at the same index;
     * other members are added to {@code unproven} as {@code receipt.NAME} / {@code log.NAME}.
     */
    public static VerificationResult verifyReceipts(BlockHeader header, Bytes blockHash,
                                                    List<? extends Map<String, ?>> transactions,
                                                    List<? extends Map<String, ?>> receipts, Set<String> unproven) {
        BigInteger previousCumulative = BigInteger.ZERO;
        long logIndex = 0;
        for (int i = 0; i < receipts.size(); i++) {
            Map<String, ?> receipt = receipts.get(i);
            Map<String, ?> tx = transactions == null ? null : transactions.get(i);
            String subject = "block " + header.number() + " receipt " + i;
            BigInteger cumulative = quantity("cumulativeGasUsed", receipt.get("cumulativeGasUsed"));
            VerificationResult r = position(subject, receipt, header, blockHash, i);
            if (r.verified()) {
                r = quantityEquals(subject, receipt, "gasUsed", cumulative.subtract(previousCumulative));
            }
            if (r.verified()) {
                r = fromTransaction(subject, receipt, tx);
            }
            if (!r.verified()) {
                return r;
            }
            collectUnproven(receipt, RECEIPT_PROVEN, tx == null, "receipt.", unproven);
            for (Object raw : RpcValues.list("logs", receipt.get("logs"))) {
                @SuppressWarnings("unchecked")
                Map<String, ?> log = (Map<String, ?>) raw;   // checked by ReceiptEncoder
                String logSubject = "block " + header.number() + " log " + logIndex;
                r = position(logSubject, log, header, blockHash, i);
                if (r.verified()) {
                    r = quantityEquals(logSubject, log, "logIndex", BigInteger.valueOf(logIndex));
                }
                if (r.verified() && tx != null && log.containsKey("transactionHash")) {
                    r = hashEquals(logSubject, "transactionHash", log.get("transactionHash"), tx.get("hash"));
                }
                if (r.verified() && log.containsKey("removed") && !Boolean.FALSE.equals(log.get("removed"))) {
                    r = VerificationResult.rejected(ReasonCode.DERIVED_FIELD_MISMATCH, logSubject + " removed",
                            "false", String.valueOf(log.get("removed")));
                }
                if (!r.verified()) {
                    return r;
                }
                collectUnproven(log, LOG_PROVEN, tx == null, "log.", unproven);
                logIndex++;
            }
            previousCumulative = cumulative;
        }
        return VerificationResult.ok();
    }

    private static void collectUnproven(Map<String, ?> object, Set<String> proven, boolean withoutTransactions,
                                        String prefix, Set<String> unproven) {
        for (String name : object.keySet()) {
            if (!proven.contains(name) || (withoutTransactions && NEED_TRANSACTIONS.contains(name))) {
                unproven.add(prefix + name);
            }
        }
    }

    /** blockHash, blockNumber and transactionIndex of an object at transaction position {@code index}. */
    private static VerificationResult position(String subject, Map<String, ?> object, BlockHeader header,
                                               Bytes blockHash, int index) {
        if (object.containsKey("blockHash")) {
            VerificationResult r = hashEquals(subject, "blockHash", object.get("blockHash"), blockHash.toHex());
            if (!r.verified()) {
                return r;
            }
        }
        VerificationResult r = quantityEquals(subject, object, "blockNumber", header.number());
        return r.verified() ? quantityEquals(subject, object, "transactionIndex", BigInteger.valueOf(index)) : r;
    }

    private static VerificationResult fromTransaction(String subject, Map<String, ?> receipt, Map<String, ?> tx) {
        if (tx == null) {
            return VerificationResult.ok();
        }
        if (receipt.containsKey("transactionHash")) {
            VerificationResult r = hashEquals(subject, "transactionHash", receipt.get("transactionHash"),
                    tx.get("hash"));
            if (!r.verified()) {
                return r;
            }
        }
        if (receipt.containsKey("to")) {
            String expected = tx.get("to") == null ? null : RpcValues.fixed("to", tx.get("to"), 20).toHex();
            String actual = receipt.get("to") == null ? null : RpcValues.fixed("to", receipt.get("to"), 20).toHex();
            if (!java.util.Objects.equals(expected, actual)) {
                return VerificationResult.rejected(ReasonCode.DERIVED_FIELD_MISMATCH, subject + " to",
                        String.valueOf(expected), String.valueOf(actual));
            }
        }
        return VerificationResult.ok();
    }

    private static VerificationResult hashEquals(String subject, String name, Object actualRaw, Object expectedRaw) {
        Bytes actual = RpcValues.fixed(name, actualRaw, 32);
        Bytes expected = RpcValues.fixed(name, expectedRaw, 32);
        return actual.equals(expected) ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.DERIVED_FIELD_MISMATCH, subject + " " + name,
                expected.toHex(), actual.toHex());
    }

    private static VerificationResult quantityEquals(String subject, Map<String, ?> object, String name,
                                                     BigInteger expected) {
        if (!object.containsKey(name)) {
            return VerificationResult.ok();
        }
        BigInteger actual = quantity(name, object.get(name));
        return actual.equals(expected) ? VerificationResult.ok()
                : VerificationResult.rejected(ReasonCode.DERIVED_FIELD_MISMATCH, subject + " " + name,
                "0x" + expected.toString(16), "0x" + actual.toString(16));
    }

    private static BigInteger quantity(String name, Object raw) {
        return new BigInteger(1, RpcValues.quantity(name, raw).toArray());
    }
}
