package org.custos.verify.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.chain.DerivedFields;
import org.custos.verify.evidence.ChainParameters;
import org.custos.verify.evidence.TranscriptParts;
import org.custos.verify.evidence.TranscriptVerifier;

/**
 * Fetches blocks {@code from..to} (full transactions) with their receipts in batches, and optional EIP-1186
 * proofs at block {@code to}, into an evidence transcript ({@code custos-evidence/1}). It only collects: the
 * transcript is then verified like any other ({@link TranscriptVerifier}). What it writes is only what the
 * verifier proves: members of transactions, receipts and logs that no root commits to and that are not derived by
 * {@link DerivedFields} (a transaction's {@code from}, a receipt's {@code contractAddress}, ...) are left out, and
 * every state proof carries its question (account, storage keys, block) so the answer is checked against it.
 */
final class RangeFetcher {

    /** An account (and storage slots) to prove at the last block of the range. */
    record ProofRequest(Bytes address, List<Bytes> slots) {
    }

    private final JsonRpcClient client;
    private final int batchSize;

    RangeFetcher(JsonRpcClient client, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.client = client;
        this.batchSize = batchSize;
    }

    Map<String, Object> fetch(ChainParameters parameters, long from, long to, List<ProofRequest> proofs)
            throws IOException {
        if (from > to || from < 0) {
            throw new IllegalArgumentException("need 0 <= from <= to");
        }
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("version", TranscriptVerifier.VERSION);
        transcript.put("chain", TranscriptParts.chain(parameters, client.call("eth_chainId")));
        List<Object> blocks = new ArrayList<>();
        for (long start = from; start <= to; start += batchSize) {
            long end = Math.min(to, start + batchSize - 1);
            List<JsonRpcClient.Call> calls = new ArrayList<>();
            for (long n = start; n <= end; n++) {
                calls.add(new JsonRpcClient.Call("eth_getBlockByNumber", List.of(quantity(n), true)));
                calls.add(new JsonRpcClient.Call("eth_getBlockReceipts", List.of(quantity(n))));
            }
            List<Object> results = client.batch(calls);
            for (int i = 0; i < results.size(); i += 2) {
                if (results.get(i) == null || results.get(i + 1) == null) {
                    throw new IOException("the node has no block or receipts for " + (start + i / 2));
                }
                checkShape(results.get(i), results.get(i + 1), start + i / 2);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("block", TranscriptParts.withoutUnproven(results.get(i)));
                entry.put("receipts", TranscriptParts.receiptsWithoutUnproven(results.get(i + 1)));
                blocks.add(entry);
            }
        }
        transcript.put("blocks", blocks);
        transcript.put("events", List.of());
        transcript.put("stateProofs", stateProofs(proofs, to));
        transcript.put("merkleProofs", List.of());
        return transcript;
    }

    private List<Object> stateProofs(List<ProofRequest> proofs, long block) throws IOException {
        List<JsonRpcClient.Call> calls = new ArrayList<>();
        for (ProofRequest p : proofs) {
            List<Object> slots = new ArrayList<>();
            p.slots().forEach(s -> slots.add(s.toHex()));
            calls.add(new JsonRpcClient.Call("eth_getProof", List.of(p.address().toHex(), slots, quantity(block))));
        }
        List<Object> out = new ArrayList<>();
        List<Object> answers = client.batch(calls);
        for (int i = 0; i < answers.size(); i++) {
            if (!(answers.get(i) instanceof Map<?, ?> proof) || !listOfObjectsOrAbsent(proof.get("storageProof"))) {
                throw new JsonRpcClient.RpcException("the node's eth_getProof answer at block " + block
                        + " is not an object with a storageProof array of objects");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("block", quantity(block));
            entry.put("address", proofs.get(i).address().toHex());
            List<Object> keys = new ArrayList<>();
            proofs.get(i).slots().forEach(s -> keys.add(s.toHex()));
            entry.put("storageKeys", keys);
            entry.put("proof", answers.get(i));
            out.add(entry);
        }
        return out;
    }

    /**
     * The JSON types the transcript's readers cast to: a block object, an array of receipt objects whose logs are
     * arrays of objects. Only the containers: every value inside is judged by the verifier.
     */
    private static void checkShape(Object block, Object receipts, long number) throws IOException {
        if (!(block instanceof Map<?, ?>)) {
            throw new JsonRpcClient.RpcException("the node's eth_getBlockByNumber answer for block " + number
                    + " is not an object");
        }
        if (!(receipts instanceof List<?> list) || !listOfObjectsOrAbsent(list)) {
            throw new JsonRpcClient.RpcException("the node's eth_getBlockReceipts answer for block " + number
                    + " is not an array of objects");
        }
        for (Object receipt : list) {
            if (!listOfObjectsOrAbsent(((Map<?, ?>) receipt).get("logs"))) {
                throw new JsonRpcClient.RpcException("the node's eth_getBlockReceipts answer for block " + number
                        + " has a receipt whose logs are not an array of objects");
            }
        }
    }

    private static boolean listOfObjectsOrAbsent(Object value) {
        return value == null || value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance);
    }

    static String quantity(long n) {
        return "0x" + BigInteger.valueOf(n).toString(16);
    }
}
