package org.custos.portal.it.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.web3j.crypto.Hash;

/**
 * The demo fixture's erasure requests as the chain itself records them (eth_getLogs on the node, not through the
 * portal), with the fixture's KMS receipts: for finding a request that the ground truth plants nothing against
 * (a correct erasure) and the receipt files of its keys.
 */
final class ErasureCases {

    static final String RECEIVED = Hash.sha3String("RequestReceived(bytes32,bytes32,bytes32,uint8,uint8)");
    static final String ANSWERED = Hash.sha3String("RequestAnswered(bytes32,bytes32,uint8,uint16,bytes32)");
    static final String REGISTERED = Hash.sha3String("KeyRegistered(bytes32,bytes32,bytes32,bytes32)");
    static final String DESTROYED = Hash.sha3String("KeyDestroyed(bytes32,bytes32,bytes32)");

    /** A KMS receipt of the fixture: the exact receipt bytes and the .sig file's text (0x + 130 hex). */
    record Receipt(String keyId, String receipt, String signature, String signer) {
    }

    /** An erasure request: its id and the keys registered to its subject (all destroyed). */
    record Erasure(String requestId, List<String> keys) {
    }

    private ErasureCases() {
    }

    /**
     * An erasure request of {@code clinic} answered FULFILLED whose id, subject's keys and receipts appear in no
     * planted violation, every key destroyed and with a receipt signed by the clinic's attestation key.
     */
    static Erasure correct(Anvil anvil, DemoFixture chain, String clinic, Path fixture) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String violations = json.readTree(fixture.resolve("ground-truth.json").toFile()).get("violations")
                .toString();
        Map<String, Receipt> receipts = receipts(fixture);
        Map<String, String> answered = new LinkedHashMap<>();
        for (JsonNode l : logs(anvil, chain.accountability, ANSWERED, clinic)) {
            answered.putIfAbsent(l.get("topics").get(2).asText(), word(l, 0));
        }
        Map<String, List<String>> keysOf = new LinkedHashMap<>();
        for (JsonNode l : logs(anvil, chain.records, REGISTERED, clinic)) {
            keysOf.computeIfAbsent(l.get("topics").get(3).asText(), s -> new ArrayList<>())
                    .add(l.get("topics").get(2).asText());
        }
        List<String> destroyed = new ArrayList<>();
        for (JsonNode l : logs(anvil, chain.records, DESTROYED, clinic)) {
            destroyed.add(l.get("topics").get(2).asText());
        }
        for (JsonNode l : logs(anvil, chain.accountability, RECEIVED, clinic)) {
            String request = l.get("topics").get(2).asText();
            List<String> keys = keysOf.getOrDefault(l.get("topics").get(3).asText(), List.of());
            boolean fulfilled = answered.containsKey(request)
                    && new BigInteger(answered.get(request).substring(2), 16).signum() == 0;
            if (new BigInteger(word(l, 0).substring(2), 16).intValue() != 1 || keys.isEmpty() || !fulfilled
                    || violations.contains(request)) {
                continue;
            }
            boolean clean = keys.stream().allMatch(k -> destroyed.contains(k) && !violations.contains(k)
                    && receipts.containsKey(k));
            if (clean) {
                return new Erasure(request, keys);
            }
        }
        throw new IllegalStateException("the fixture has no correct erasure request at clinic " + clinic);
    }

    /** The fixture's KMS receipts by key id (kms-receipts.json). */
    static Map<String, Receipt> receipts(Path fixture) throws IOException {
        Map<String, Receipt> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode r : json.readTree(fixture.resolve("kms-receipts.json").toFile())) {
            String receipt = r.get("receipt").asText();
            out.put(json.readTree(receipt).get("keyId").asText(), new Receipt(json.readTree(receipt).get("keyId")
                    .asText(), receipt, r.get("signature").asText(), r.get("signer").asText()));
        }
        return out;
    }

    private static List<JsonNode> logs(Anvil anvil, String address, String topic0, String clinic)
            throws IOException, InterruptedException {
        String answer = anvil.rpc("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\""
                + address + "\",\"topics\":[\"" + topic0 + "\",\"" + clinic + "\"]}]");
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(answer).get("result").forEach(out::add);
        return out;
    }

    private static String word(JsonNode log, int index) {
        String data = log.get("data").asText().substring(2);
        return "0x" + data.substring(index * 64, index * 64 + 64);
    }
}
