package org.custos.reports.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.cli.Json;
import org.custos.verify.cli.JsonRpcClient;
import org.custos.verify.evidence.EvidenceReport;
import org.custos.verify.evidence.TranscriptVerifier;

/**
 * Re-verifies a report's embedded {@code custos-evidence/1} transcript with ledger-verifier, then asks a node for
 * the headers of the same blocks, verifies those as a header-only transcript under the same pinned chain
 * parameters (every hash recomputed, the same checkpoint) and requires every block hash to be identical: the node
 * serves the chain the evidence was taken from.
 */
final class NodeCrossCheck {

    private static final int BATCH = 100;

    /** The outcome: {@code agrees} with a one-line description, or the first difference. */
    record Outcome(boolean agrees, String description) {
    }

    private NodeCrossCheck() {
    }

    @SuppressWarnings("unchecked")
    static Outcome check(Map<String, Object> evidence, JsonRpcClient node) throws IOException {
        EvidenceReport offline = TranscriptVerifier.verify(evidence);
        if (!offline.verified()) {
            return new Outcome(false, "embedded evidence: " + offline);
        }
        List<Object> blocks = (List<Object>) evidence.get("blocks");
        if (blocks == null || blocks.isEmpty()) {
            return new Outcome(false, "embedded evidence holds no blocks to compare with the node");
        }
        List<String> numbers = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Object entry : blocks) {
            Map<String, Object> block = Json.object(Json.object(entry).get("block"));
            numbers.add((String) block.get("number"));
            hashes.add((String) block.get("hash"));
        }
        List<Object> answers = fetch(node, numbers);
        Map<String, Object> nodeTranscript = new LinkedHashMap<>();
        nodeTranscript.put("version", TranscriptVerifier.VERSION);
        nodeTranscript.put("chain", evidence.get("chain"));
        List<Object> nodeBlocks = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                return new Outcome(false, "the node has no block " + new BigInteger(numbers.get(i).substring(2), 16));
            }
            // asked without transaction objects: verified header only (a list of hashes is not a body)
            Map<String, Object> header = new LinkedHashMap<>(Json.object(answers.get(i)));
            header.remove("transactions");
            nodeBlocks.add(Map.of("block", header));
        }
        nodeTranscript.put("blocks", nodeBlocks);
        EvidenceReport online = TranscriptVerifier.verify(nodeTranscript);
        if (!online.verified()) {
            return new Outcome(false, "the node's headers do not verify: " + online);
        }
        for (int i = 0; i < answers.size(); i++) {
            Object nodeHash = Json.object(answers.get(i)).get("hash");
            if (!hashes.get(i).equalsIgnoreCase(String.valueOf(nodeHash))) {
                return new Outcome(false, "block " + new BigInteger(numbers.get(i).substring(2), 16)
                        + " differs: evidence " + hashes.get(i) + ", node " + nodeHash);
            }
        }
        return new Outcome(true, "embedded evidence " + offline + "; the node serves the same "
                + blocks.size() + " blocks (" + numbers.get(0) + ".." + numbers.get(numbers.size() - 1) + ")");
    }

    private static List<Object> fetch(JsonRpcClient node, List<String> numbers) throws IOException {
        List<Object> answers = new ArrayList<>();
        for (int start = 0; start < numbers.size(); start += BATCH) {
            List<JsonRpcClient.Call> calls = new ArrayList<>();
            for (String number : numbers.subList(start, Math.min(numbers.size(), start + BATCH))) {
                calls.add(new JsonRpcClient.Call("eth_getBlockByNumber", List.of(number, false)));
            }
            answers.addAll(node.batch(calls));
        }
        return answers;
    }
}
