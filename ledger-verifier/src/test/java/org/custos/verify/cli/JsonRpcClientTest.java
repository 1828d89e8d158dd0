package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read-only client against a local JDK HTTP server: batch answers in reverse order are matched by id, chunked
 * and fixed-length bodies are read over one client, error objects become exceptions, and methods that write
 * cannot even be expressed.
 */
class JsonRpcClientTest {

    private HttpServer server;
    private volatile boolean chunked;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            List<?> calls = (List<?>) Json.parse(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            List<Object> answers = new ArrayList<>();
            for (Object raw : calls) {
                Map<String, Object> call = Json.object(raw);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("jsonrpc", "2.0");
                answer.put("id", call.get("id"));
                if (call.get("method").equals("eth_getProof")) {
                    answer.put("error", Map.of("code", -32000, "message", "no proof"));
                } else {
                    answer.put("result", call.get("method") + " " + Json.write(call.get("params")));
                }
                answers.add(answer);
            }
            Collections.reverse(answers);
            byte[] body = Json.write(answers).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void batchesAreMatchedByIdOverFixedAndChunkedBodies() throws Exception {
        try (JsonRpcClient client = client()) {
            for (boolean useChunks : new boolean[] {false, true}) {
                chunked = useChunks;
                List<Object> results = client.batch(List.of(
                        new JsonRpcClient.Call("eth_getBlockByNumber", List.of("0x1", true)),
                        new JsonRpcClient.Call("eth_getBlockReceipts", List.of("0x1")),
                        new JsonRpcClient.Call("eth_chainId", List.of())));
                assertThat(results).containsExactly("eth_getBlockByNumber [\"0x1\",true]",
                        "eth_getBlockReceipts [\"0x1\"]", "eth_chainId []");
            }
            assertThat(client.call("eth_blockNumber")).isEqualTo("eth_blockNumber []");
        }
    }

    @Test
    void errorObjectsAndWriteMethodsAreRefused() throws Exception {
        try (JsonRpcClient client = client()) {
            assertThatThrownBy(() -> client.call("eth_getProof", "0x00", List.of(), "latest"))
                    .isInstanceOf(JsonRpcClient.RpcException.class).hasMessageContaining("no proof");
        }
        assertThatThrownBy(() -> new JsonRpcClient.Call("eth_sendTransaction", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonRpcClient.Call("eth_sendRawTransaction", List.of("0x00")))
                .isInstanceOf(IllegalArgumentException.class);
        // https:// is supported since issue 13 (HttpTransport); other schemes and credentials in the URL are not
        for (String url : List.of("ftp://example.org", "ws://example.org", "file:///etc/passwd",
                "http://user:secret@example.org")) {
            assertThatThrownBy(() -> new JsonRpcClient(URI.create(url), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        }
    }

    @Test
    void jsonCodecIsStrictAndRoundTrips() {
        String text = "{\"a\":[1,-2,3.5,\"x\\\"y\\u00e9\\n\",true,false,null],\"b\":{}}";
        Object parsed = Json.parse(text);
        assertThat(Json.object(parsed).get("a")).asList().startsWith(BigInteger.ONE);
        assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
        for (String bad : List.of("{\"a\":1,\"a\":2}", "[1,]", "01", "{\"a\" 1}", "\"\\x\"", "[1] 2", "")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private JsonRpcClient client() {
        return new JsonRpcClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
