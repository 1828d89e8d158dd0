package org.custos.portal.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.custos.consortium.chain.LogEmitter;
import org.custos.portal.ledger.testing.Anvil;

/**
 * Ordinary traffic for the sync benchmark's {@code --fill transactions}: blocks that carry what a busy ledger
 * carries besides the consortium's writes: one to three transactions per block (sent in one JSON-RPC batch by
 * different unlocked dev accounts, then {@code evm_mine}). A deterministic mix (seeded): token-transfer calls, swap calls with a dynamic
 * address array, calls with a short ABI string memo of ordinary words, permit-like calls carrying a 65-byte
 * signature, multicalls of several nested calls (a few hundred bytes), plain value transfers without calldata, and
 * now and then a contract creation. Every call goes to {@link LogEmitter} contracts, so each call's receipt has a
 * log whose data is the whole calldata. None of it is personal data: the wider personal-data scan must find nothing
 * here (and its cost is what the benchmark measures).
 */
public final class OrdinaryTraffic {

    private static final String[] SENDERS = {"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
        "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65", "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc",
        "0x976ea74026e726554db657fa54763abd0c3a0aa9", "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
        "0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f", "0xa0ee7a142d267c1f36714e4a8f75612f20a79720"};
    private static final String[] WORDS = {"invoice", "order", "batch", "settled", "shipped", "to", "warehouse",
        "north", "payment", "received", "refund", "pending", "lot", "pallet", "confirmed", "route", "depot", "ok"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Anvil anvil;
    private final SplittableRandom random;
    private final List<String> emitters = new ArrayList<>();

    public OrdinaryTraffic(Anvil anvil, long seed) {
        this.anvil = anvil;
        this.random = new SplittableRandom(seed);
    }

    /** Sends transactions (one block each) until the chain's head is {@code target}; returns the new head. */
    public long fillTo(long head, long target) throws Exception {
        for (int i = 0; i < 3 && head < target; i++, head++) {
            emitters.add(deploy(SENDERS[i]));
        }
        int sent = 0;
        anvil.rpc("evm_setAutomine", "[false]");
        try {
            while (head < target) {
                int n = 1 + random.nextInt(3);
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < n; i++) {
                    batch.append(i == 0 ? "" : ",").append(request(sent + i, "eth_sendTransaction",
                            "[" + transaction(SENDERS[i]) + "]"));
                }
                JsonNode answers = JSON.readTree(post(batch.append(']').toString()));
                for (JsonNode answer : answers) {
                    if (answer.has("error")) {
                        throw new IllegalStateException("traffic: " + answer);
                    }
                }
                anvil.rpc("evm_mine", "[]");
                sent += n;
                head++;
                if (head % 5_000 == 0) {
                    System.out.printf("ordinary traffic: %d transactions, head %d%n", sent, head);
                }
            }
        } finally {
            anvil.rpc("evm_setAutomine", "[true]");
        }
        long actual = head(target);
        if (actual != target) {
            throw new IllegalStateException("traffic: head " + actual + ", expected " + target);
        }
        return actual;
    }

    /** The head once it reached {@code target} (automine mines each transaction as it arrives), at most 60 s. */
    private long head(long target) throws Exception {
        long head = -1;
        for (int i = 0; i < 600 && head < target; i++) {
            head = Long.decode(JSON.readTree(anvil.rpc("eth_blockNumber", "[]")).get("result").asText());
            if (head < target) {
                Thread.sleep(100);
            }
        }
        return head;
    }

    private String deploy(String from) throws Exception {
        String hash = JSON.readTree(anvil.rpc("eth_sendTransaction", "[{\"from\":\"" + from
                + "\",\"gas\":\"0x30000\",\"data\":\"0x" + LogEmitter.CREATION + "\"}]")).get("result").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode receipt = JSON.readTree(anvil.rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]"))
                    .get("result");
            if (receipt != null && !receipt.isNull()) {
                if (!"0x1".equals(receipt.get("status").asText())) {
                    throw new IllegalStateException("traffic: the emitter's creation failed: " + receipt);
                }
                return receipt.get("contractAddress").asText();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("traffic: no receipt for " + hash);
    }

    private String transaction(String from) {
        int kind = random.nextInt(100);
        String to = emitters.get(random.nextInt(emitters.size()));
        String data;
        if (kind < 40) {
            data = "a9059cbb" + address() + word(random.nextLong(1, 1L << 50));
        } else if (kind < 55) {
            int hops = 2 + random.nextInt(2);
            StringBuilder d = new StringBuilder("38ed1739").append(word(random.nextLong(1, 1L << 60)))
                    .append(word(random.nextLong(1, 1L << 60))).append(word(0xa0)).append(address())
                    .append(word(1_760_000_000L + random.nextInt(1_000_000))).append(word(hops));
            for (int i = 0; i < hops; i++) {
                d.append(address());
            }
            data = d.toString();
        } else if (kind < 65) {
            data = "3d7403a3" + word(0x20) + abiString(memo());
        } else if (kind < 75) {
            data = "d505accf" + address() + address() + word(random.nextLong(1, 1L << 60))
                    + word(1_760_000_000L + random.nextInt(1_000_000)) + word(0x80) + abiBytes(randomHex(65));
        } else if (kind < 85) {
            int calls = 2 + random.nextInt(4);
            StringBuilder d = new StringBuilder("ac9650d8").append(word(0x20)).append(word(calls));
            List<String> inner = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                inner.add("a9059cbb" + address() + word(random.nextLong(1, 1L << 50)));
            }
            long offset = 32L * calls;
            for (String call : inner) {
                d.append(word(offset));
                offset += 32 + padded(call).length() / 2;
            }
            for (String call : inner) {
                d.append(abiBytes(call));
            }
            data = d.toString();
        } else if (kind < 99) {
            return "{\"from\":\"" + from + "\",\"to\":\"0x" + randomHex(20) + "\",\"gas\":\"0x5208\",\"value\":\"0x"
                    + Long.toHexString(random.nextLong(1, 1L << 40)) + "\"}";
        } else {
            return "{\"from\":\"" + from + "\",\"gas\":\"0x30000\",\"data\":\"0x" + LogEmitter.CREATION + "\"}";
        }
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"gas\":\"0x30000\",\"data\":\"0x" + data + "\"}";
    }

    private String memo() {
        StringBuilder memo = new StringBuilder();
        int words = 2 + random.nextInt(4);
        for (int i = 0; i < words; i++) {
            memo.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(3) == 0) {
                memo.append(' ').append(random.nextInt(100_000));
            }
        }
        return memo.toString();
    }

    private String address() {
        return "000000000000000000000000" + randomHex(20);
    }

    private String randomHex(int bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            hex.append(String.format("%02x", random.nextInt(256)));
        }
        return hex.toString();
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }

    private static String abiString(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return abiBytes(hex.toString());
    }

    private static String abiBytes(String hex) {
        return word(hex.length() / 2) + padded(hex);
    }

    private static String padded(String hex) {
        int rest = hex.length() % 64;
        return rest == 0 ? hex : hex + "0".repeat(64 - rest);
    }

    private static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private String post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(anvil.url())).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
