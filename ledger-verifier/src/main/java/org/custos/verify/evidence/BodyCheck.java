package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockBodyVerifier;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.DerivedFields;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcValues;

/**
 * The body of one transcript block against its verified header. A block either carries no {@code transactions}
 * member (header only: counted and said so in the report) or an array whose every element is a full transaction
 * object, all of them checked against transactionsRoot; anything else (a hash, a null, a number, a non-array) is
 * refused ({@code MALFORMED_FIELD}). Then receipts (if given; one per transaction when both are given) against
 * receiptsRoot, withdrawals against withdrawalsRoot (required with a transaction list when the header has the
 * root), and the derived members of transactions, receipts and logs ({@link DerivedFields}).
 */
final class BodyCheck {

    /** The first failure of a block's body, with the check that found it. */
    record Failure(VerificationResult result, String check) {
    }

    private final Map<BigInteger, List<Map<String, ?>>> receiptsByBlock = new HashMap<>();
    /** The blocks whose verified receipts later checks need (claimed events); others are counted, not kept. */
    private final Set<BigInteger> keep;
    private final Set<String> unproven = new TreeSet<>();
    private int transactions;
    private int receipts;
    private int headerOnly;

    BodyCheck(Set<BigInteger> keep) {
        this.keep = Set.copyOf(keep);
    }

    Failure verify(Map<String, ?> entry, Map<String, ?> block, BlockHeader header, Bytes hash) {
        String subject = "block " + header.number();
        try {
            List<Map<String, ?>> txs = null;
            if (!block.containsKey("transactions")) {
                headerOnly++;
            } else {
                Failure shape = null;
                txs = new ArrayList<>();
                Object raw = block.get("transactions");
                if (!(raw instanceof List<?> list)) {
                    shape = malformed(subject + " transactions", "absent (header only) or an array of full "
                            + "transaction objects", describe(raw));
                } else {
                    for (int i = 0; i < list.size() && shape == null; i++) {
                        if (list.get(i) instanceof Map<?, ?> tx) {
                            txs.add(cast(tx));
                        } else {
                            shape = malformed(subject + " transactions[" + i + "]", "a full transaction object",
                                    describe(list.get(i)));
                        }
                    }
                }
                if (shape != null) {
                    return shape;
                }
                Failure failure = check(BlockBodyVerifier.verifyTransactions(header, txs), "transactionsRoot");
                if (failure == null) {
                    failure = check(DerivedFields.verifyTransactions(header, hash, txs, unproven), "transactions");
                }
                if (failure != null) {
                    return failure;
                }
                transactions += txs.size();
            }
            Failure failure = verifyReceipts(entry, header, hash, txs);
            return failure != null ? failure : verifyWithdrawals(block, header, txs != null);
        } catch (RpcFormatException e) {
            return new Failure(VerificationResult.rejected(e.reason(), subject + " " + e.field(),
                    "an encodable body", e.getMessage()), "body");
        }
    }

    private Failure verifyReceipts(Map<String, ?> entry, BlockHeader header, Bytes hash,
                                   List<Map<String, ?>> txs) {
        if (!entry.containsKey("receipts")) {
            return null;
        }
        List<Map<String, ?>> list = objects(entry.get("receipts"), "receipts");
        if (txs != null && list.size() != txs.size()) {
            return new Failure(VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, "block " + header.number()
                    + " receipts", txs.size() + " receipts (one per transaction)", list.size() + " receipts"),
                    "receiptsRoot");
        }
        Failure failure = check(BlockBodyVerifier.verifyReceipts(header, list), "receiptsRoot");
        if (failure == null) {
            failure = check(DerivedFields.verifyReceipts(header, hash, txs, list, unproven), "receipts");
        }
        if (failure != null) {
            return failure;
        }
        if (keep.contains(header.number())) {
            receiptsByBlock.put(header.number(), list);
        }
        receipts += list.size();
        return null;
    }

    private Failure verifyWithdrawals(Map<String, ?> block, BlockHeader header, boolean withBody) {
        Object withdrawals = block.get("withdrawals");
        if (withdrawals == null && withBody && header.get(HeaderField.WITHDRAWALS_ROOT) != null) {
            return new Failure(VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, "block " + header.number()
                    + " withdrawals", "the withdrawals under withdrawalsRoot", "none"), "withdrawalsRoot");
        }
        if (withdrawals == null) {
            return null;
        }
        return check(BlockBodyVerifier.verifyWithdrawals(header, objects(withdrawals, "withdrawals")),
                "withdrawalsRoot");
    }

    private static Failure check(VerificationResult result, String check) {
        return result.verified() ? null : new Failure(result, check);
    }

    private static Failure malformed(String subject, String expected, String actual) {
        return new Failure(VerificationResult.rejected(ReasonCode.MALFORMED_FIELD, subject, expected, actual),
                "transactions");
    }

    /** A JSON array of objects; anything else is a body this verifier cannot check. */
    private static List<Map<String, ?>> objects(Object raw, String name) {
        List<Map<String, ?>> out = new ArrayList<>();
        List<?> list = RpcValues.list(name, raw);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name + "[" + i + "]",
                        "expected an object, got " + describe(list.get(i)));
            }
            out.add(cast(map));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "a string " + (s.length() > 70 ? s.substring(0, 70) + "…" : s);
        }
        return "a " + value.getClass().getSimpleName();
    }

    List<Map<String, ?>> receiptsOf(BigInteger block) {
        return receiptsByBlock.get(block);
    }

    Set<String> unproven() {
        return unproven;
    }

    int transactions() {
        return transactions;
    }

    int receipts() {
        return receipts;
    }

    int headerOnly() {
        return headerOnly;
    }
}
