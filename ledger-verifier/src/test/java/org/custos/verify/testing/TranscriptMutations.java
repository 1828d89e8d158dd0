package org.custos.verify.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.cli.Json;

/**
 * Committed generator of lying transcripts (the companion of {@link Mutations} for {@code custos-evidence/1}): each
 * {@link Lie} is a copy of a valid transcript with one lie a node told (issue 13 A3-A7) and the verdict it must get:
 * the reason code, the check, and the block named (the block requested at that position, never a number the lie
 * claims), or, for members no root commits to, that the report lists them as unproven.
 *
 * <p>Lies: a transaction's value, recipient or input changed (alone, and with a {@code null} appended),
 * transactions replaced by nulls, fake hashes, nothing or a non-array; an answer for another account, its
 * {@code storageProof} emptied, removed, one dropped or one repeated; a changed {@code from}, receipt
 * {@code gasUsed}, {@code transactionIndex}, {@code blockHash}, {@code blockNumber}, {@code transactionHash},
 * {@code to} or {@code contractAddress}, a log's {@code logIndex}, {@code transactionIndex}, {@code blockHash},
 * {@code removed}; a header's {@code number} changed, a block served for another number, a block duplicated, a
 * header field changed (claimed hash kept).
 */
public final class TranscriptMutations {

    /** One lie: {@code expected} null means the transcript still verifies and lists {@code unproven}. */
    public record Lie(String name, Map<String, Object> transcript, ReasonCode expected, String check, Long block,
                      int verifiedBefore, String unproven) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<String, Object> valid;
    private final List<Lie> out = new ArrayList<>();

    private TranscriptMutations(Map<String, Object> valid) {
        this.valid = valid;
    }

    /**
     * All lies about a valid dev transcript whose first block is its checkpoint. Preconditions: block
     * {@code txBlock} (position = number - checkpoint) has one transaction to an address and a receipt; block
     * {@code logBlock} has a receipt with a log; stateProofs[0] asks for an account with at least two storage keys
     * and stateProofs[1] for another account, both at {@code logBlock}.
     */
    public static List<Lie> of(Map<String, Object> valid, int txBlock, int logBlock) {
        TranscriptMutations m = new TranscriptMutations(valid);
        m.transactionLies(txBlock);
        m.proofLies(logBlock);
        m.derivedFieldLies(txBlock, logBlock);
        m.chainLies(txBlock);
        return List.copyOf(m.out);
    }

    private void transactionLies(int n) {
        ReasonCode shape = ReasonCode.MALFORMED_FIELD;
        for (String[] change : List.of(new String[] {"value", "0x1"},
                new String[] {"to", "0x000000000000000000000000000000000000dead"}, new String[] {"input", "0x00"})) {
            lie("tx-" + change[0] + "-changed", n, ReasonCode.TRANSACTION_HASH_MISMATCH, "transactionsRoot",
                    t -> tx(t, n).put(change[0], change[1]));
            lie("tx-" + change[0] + "-changed-null-appended", n, shape, "transactions", t -> {
                tx(t, n).put(change[0], change[1]);
                txs(t, n).add(null);
            });
        }
        lie("txs-replaced-by-nulls", n, shape, "transactions", t -> txs(t, n).replaceAll(x -> null));
        lie("txs-replaced-by-fake-hashes", n, shape, "transactions",
                t -> txs(t, n).replaceAll(x -> "0x" + "ab".repeat(32)));
        lie("txs-replaced-by-real-hashes", n, shape, "transactions",
                t -> txs(t, n).replaceAll(x -> Json.object(x).get("hash")));
        lie("txs-replaced-by-nothing", n, ReasonCode.TRANSACTIONS_ROOT_MISMATCH, "transactionsRoot",
                t -> txs(t, n).clear());
        lie("txs-not-an-array", n, shape, "transactions", t -> block(t, n).put("transactions", "0x"));
        lie("txs-null", n, shape, "transactions", t -> block(t, n).put("transactions", null));
    }

    private void proofLies(int n) {
        ReasonCode keys = ReasonCode.STORAGE_KEYS_MISMATCH;
        lie("proof-for-another-account", n, ReasonCode.PROOF_ADDRESS_MISMATCH, "stateProof",
                t -> proofEntry(t, 0).put("proof", Json.object(deepCopy(proofEntry(t, 1).get("proof")))));
        lie("storageProof-emptied", n, keys, "stateProof", t -> storage(t).clear());
        lie("storageProof-removed", n, keys, "stateProof", t -> proof(t).remove("storageProof"));
        lie("storageProof-one-dropped", n, keys, "stateProof", t -> storage(t).remove(storage(t).size() - 1));
        lie("storageProof-one-repeated", n, keys, "stateProof", t -> storage(t).set(1, deepCopy(storage(t).get(0))));
        lie("storageProof-extra-key-answered", n, keys, "stateProof",
                t -> proofEntry(t, 0).put("storageKeys", new ArrayList<>(List.of(
                        Json.object(storage(t).get(0)).get("key")))));
    }

    private void derivedFieldLies(int n, int logBlock) {
        ReasonCode derived = ReasonCode.DERIVED_FIELD_MISMATCH;
        lie("receipt-gasUsed-changed", n, derived, "receipts", t -> receipt(t, n).put("gasUsed", "0x1"));
        lie("receipt-transactionIndex-changed", n, derived, "receipts",
                t -> receipt(t, n).put("transactionIndex", "0x1"));
        lie("receipt-blockHash-changed", n, derived, "receipts",
                t -> receipt(t, n).put("blockHash", "0x" + "11".repeat(32)));
        lie("receipt-blockNumber-changed", n, derived, "receipts", t -> receipt(t, n).put("blockNumber", "0x1"));
        lie("receipt-transactionHash-changed", n, derived, "receipts",
                t -> receipt(t, n).put("transactionHash", "0x" + "22".repeat(32)));
        lie("receipt-to-changed", n, derived, "receipts",
                t -> receipt(t, n).put("to", "0x000000000000000000000000000000000000dead"));
        lie("tx-blockHash-changed", n, derived, "transactions",
                t -> tx(t, n).put("blockHash", "0x" + "33".repeat(32)));
        lie("tx-transactionIndex-changed", n, derived, "transactions",
                t -> tx(t, n).put("transactionIndex", "0x2"));
        lie("tx-blockNumber-changed", n, derived, "transactions", t -> tx(t, n).put("blockNumber", "0x0"));
        lie("log-logIndex-changed", logBlock, derived, "receipts", t -> log(t, logBlock).put("logIndex", "0x7"));
        lie("log-transactionIndex-changed", logBlock, derived, "receipts",
                t -> log(t, logBlock).put("transactionIndex", "0x3"));
        lie("log-blockHash-changed", logBlock, derived, "receipts",
                t -> log(t, logBlock).put("blockHash", "0x" + "44".repeat(32)));
        lie("log-removed-true", logBlock, derived, "receipts", t -> log(t, logBlock).put("removed", true));
        unproven("tx-from-changed", "transaction.from",
                t -> tx(t, n).put("from", "0x000000000000000000000000000000000000dead"));
        unproven("receipt-contractAddress-changed", "receipt.contractAddress",
                t -> receipt(t, n).put("contractAddress", "0x000000000000000000000000000000000000dead"));
        unproven("receipt-from-changed", "receipt.from",
                t -> receipt(t, n).put("from", "0x000000000000000000000000000000000000dead"));
    }

    private void chainLies(int n) {
        lie("number-changed-claimed-hash-kept", n, ReasonCode.NUMBER_GAP, "chain",
                t -> block(t, n).put("number", "0x" + Integer.toHexString(n + 13)));
        lie("number-lowered-claimed-hash-kept", n, ReasonCode.NUMBER_GAP, "chain",
                t -> block(t, n).put("number", "0x" + Integer.toHexString(n - 1)));
        lie("block-served-for-wrong-number", n, ReasonCode.NUMBER_GAP, "chain",
                t -> blocks(t).set(n - first(), deepCopy(blocks(t).get(n - 1 - first()))));
        lie("block-duplicated", n + 1, ReasonCode.NUMBER_GAP, "chain",
                t -> blocks(t).add(n - first() + 1, deepCopy(blocks(t).get(n - first()))));
        lie("gasLimit-changed-claimed-hash-kept", n, ReasonCode.HASH_MISMATCH, "chain",
                t -> block(t, n).put("gasLimit", "0x1"));
    }

    /** A lie found at block {@code n}: every block before it verified. */
    private void lie(String name, int n, ReasonCode reason, String check, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = Json.object(deepCopy(valid));
        edit.accept(copy);
        int before = check.equals("stateProof") ? blocks(valid).size() : n - first();
        out.add(new Lie(name, copy, reason, check, (long) n, before, null));
    }

    private void unproven(String name, String member, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = Json.object(deepCopy(valid));
        edit.accept(copy);
        out.add(new Lie(name, copy, null, null, null, blocks(valid).size(), member));
    }

    /**
     * A copy rewritten from block {@code n} on and re-anchored there: blocks before it dropped, its timestamp
     * changed, every later hash and parent link recomputed (and the blockHash members with them), and the
     * checkpoint set to the new hash. Self-consistent; only the anchor tells it apart.
     */
    public static Map<String, Object> rewrittenAndReanchored(Map<String, Object> valid, int n) {
        Map<String, Object> t = Json.object(deepCopy(valid));
        int first = first(t);
        List<Object> blocks = blocks(t);
        blocks.subList(0, n - first).clear();
        Map<String, Object> head = Json.object(Json.object(blocks.get(0)).get("block"));
        head.put("timestamp", "0x" + Long.toHexString(Long.decode(String.valueOf(head.get("timestamp"))) + 1));
        String parent = null;
        for (Object entry : blocks) {
            Map<String, Object> block = Json.object(Json.object(entry).get("block"));
            if (parent != null) {
                block.put("parentHash", parent);
            }
            Bytes hash = HeaderHasher.ETHEREUM.hash(RpcHeaderParser.parseCheckpoint(block).header());
            parent = hash.toHex();
            block.put("hash", parent);
            replaceBlockHash(entry, parent);
        }
        Json.object(Json.object(t.get("chain")).get("checkpoint")).putAll(Map.of("number", head.get("number"),
                "hash", Json.object(Json.object(blocks.get(0)).get("block")).get("hash")));
        return t;
    }

    private static void replaceBlockHash(Object entry, String hash) {
        for (Object tx : (List<?>) Json.object(Json.object(entry).get("block")).get("transactions")) {
            Json.object(tx).put("blockHash", hash);
        }
        for (Object receipt : (List<?>) Json.object(entry).get("receipts")) {
            Json.object(receipt).put("blockHash", hash);
            for (Object log : (List<?>) Json.object(receipt).get("logs")) {
                Json.object(log).put("blockHash", hash);
            }
        }
    }

    private int first() {
        return first(valid);
    }

    private static int first(Map<String, Object> t) {
        return Integer.decode(String.valueOf(Json.object(Json.object(t.get("chain")).get("checkpoint"))
                .get("number")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> blocks(Map<String, Object> t) {
        return (List<Object>) t.get("blocks");
    }

    private Map<String, Object> block(Map<String, Object> t, int n) {
        return Json.object(Json.object(blocks(t).get(n - first())).get("block"));
    }

    @SuppressWarnings("unchecked")
    private List<Object> txs(Map<String, Object> t, int n) {
        return (List<Object>) block(t, n).get("transactions");
    }

    private Map<String, Object> tx(Map<String, Object> t, int n) {
        return Json.object(txs(t, n).get(0));
    }

    private Map<String, Object> receipt(Map<String, Object> t, int n) {
        return Json.object(((List<?>) Json.object(blocks(t).get(n - first())).get("receipts")).get(0));
    }

    private Map<String, Object> log(Map<String, Object> t, int n) {
        return Json.object(((List<?>) receipt(t, n).get("logs")).get(0));
    }

    private static Map<String, Object> proofEntry(Map<String, Object> t, int index) {
        return Json.object(((List<?>) t.get("stateProofs")).get(index));
    }

    private static Map<String, Object> proof(Map<String, Object> t) {
        return Json.object(proofEntry(t, 0).get("proof"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> storage(Map<String, Object> t) {
        return (List<Object>) proof(t).get("storageProof");
    }

    /** A deep, mutable copy (through the CLI's JSON codec; insertion-ordered maps, array lists). */
    static Object deepCopy(Object value) {
        return Json.parse(Json.write(value instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : value));
    }
}
