package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.testing.BftChainBuilder;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * {@code range --from 0} with the documented inputs (checkpoint = the genesis hash, validators = the genesis
 * validators) on a QBFT chain whose genesis lists its validators unsorted, as a real Besu network's genesis does
 * (issue 13 A1: refused at block 0 with {@code VALIDATOR_SET_MISMATCH}). The chain is built and sealed with the
 * test keys and served over HTTP by a small JSON-RPC stub in this test (the JDK's HTTP server).
 */
class RangeFromBftGenesisTest {

    private static final List<BigInteger> KEYS = List.of(TestKeys.key(0), TestKeys.key(1), TestKeys.key(2),
            TestKeys.key(3));

    private static List<Bytes> descending() {
        List<Bytes> listed = new ArrayList<>(BftChainBuilder.addresses(KEYS));
        listed.sort(ValidatorSetTracker.ADDRESS_ORDER.reversed());
        return listed;
    }

    private static List<Map<String, Object>> chain(List<Bytes> genesisListing) {
        BftChainBuilder builder = BftChainBuilder.withGenesisListing(BftVariant.QBFT, genesisListing);
        for (int n = 1; n <= 5; n++) {
            builder.add(KEYS.get(n % 4), Optional.empty(), 0, BftChainBuilder.addresses(KEYS), KEYS);
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (ClaimedHeader claimed : builder.headers()) {
            Map<String, Object> block = new LinkedHashMap<>();
            for (HeaderField field : HeaderField.values()) {
                Bytes value = claimed.header().get(field);
                if (value != null) {
                    block.put(field.jsonName(), RpcHeaderParser.format(field, value));
                }
            }
            block.put("hash", claimed.claimedHash().toHex());
            block.put("transactions", List.of());
            blocks.add(block);
        }
        return blocks;
    }

    /** Runs {@code range 0..5} against a stub node serving {@code blocks}; returns the exit status and output. */
    private static Map.Entry<Integer, String> range(List<Map<String, Object>> blocks, String validators)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Object request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Object answer;
            if (request instanceof List<?> calls) {
                List<Object> answers = new ArrayList<>();
                calls.forEach(c -> answers.add(answer(Json.object(c), blocks)));
                answer = answers;
            } else {
                answer = answer(Json.object(request), blocks);
            }
            byte[] body = Json.write(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
            int status = Main.run(new String[] {"range", "--rpc",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "--from", "0", "--to", "5",
                    "--checkpoint", (String) blocks.get(0).get("hash"), "--consensus", "qbft",
                    "--validators", validators, "--epoch-length", "30000"}, print, print);
            return Map.entry(status, output.toString(StandardCharsets.UTF_8));
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, Object> answer(Map<String, Object> call, List<Map<String, Object>> blocks) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", call.get("id"));
        List<?> params = (List<?>) call.get("params");
        Object result = switch ((String) call.get("method")) {
            case "eth_chainId" -> "0x539";
            case "eth_getBlockByNumber" -> blocks.get(Integer.decode((String) params.get(0)));
            case "eth_getBlockReceipts" -> List.of();
            default -> null;
        };
        response.put("result", result);
        return response;
    }

    private static String commaSeparated(List<Bytes> addresses) {
        return String.join(",", addresses.stream().map(Bytes::toHex).toList());
    }

    @Test
    void rangeFromAGenesisListingTheValidatorsUnsortedVerifies() throws IOException {
        List<Bytes> listed = descending();
        List<Bytes> configured = new ArrayList<>(listed);
        configured.add(configured.remove(1));   // the pinned set typed in yet another order
        Map.Entry<Integer, String> run = range(chain(listed), commaSeparated(configured));
        assertThat(run.getValue()).contains("VERIFIED 6 blocks");
        assertThat(run.getKey()).as(run.getValue()).isEqualTo(Main.VERIFIED);
    }

    @Test
    void rangeFromAGenesisListingAValidatorTwiceFailsAtBlockZero() throws IOException {
        List<Bytes> listed = descending();
        listed.add(listed.get(2));
        Map.Entry<Integer, String> run = range(chain(listed), commaSeparated(descending()));
        assertThat(run.getKey()).as(run.getValue()).isEqualTo(Main.REJECTED);
        assertThat(run.getValue()).contains("VALIDATOR_SET_MISMATCH (block 0 validators)")
                .contains("listed more than once");
    }
}
