package org.custos.portal.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's limits on a node's answer, against a local HTTP server that answers as told: each hostile answer is
 * a {@link LedgerUnavailableException} with the reason in words (never a StackOverflowError or an
 * OutOfMemoryError), and refusals that would repeat are not retried. The whole sync against the same behaviours
 * is {@code HostileNodeSyncIT}.
 */
class NodeAnswerLimitsTest {

    private interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private HttpServer server;
    private volatile Answer answer;
    private final AtomicInteger requests = new AtomicInteger();
    private Web3jLedgerNode node;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                answer.send(exchange);
            } catch (IOException e) {
                // the client stopped reading
            } finally {
                exchange.close();
            }
        });
        server.start();
        // default limits for a batch of one block: 4 MiB; two retries
        node = new Web3jLedgerNode("http://127.0.0.1:" + server.getAddress().getPort(),
                NodeTransport.plain(Duration.ofSeconds(5), 1), 2, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        node.close();
        server.stop(0);
    }

    private static Answer body(String text) {
        return exchange -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    private static String result(String json) {
        return "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":" + json + "}";
    }

    @Test
    void anHonestAnswerPasses() throws Exception {
        answer = body(result("\"0x2a\""));   // a single call's answer is not matched by id
        assertThat(node.headNumber()).isEqualTo(42);
    }

    @Test
    void twoHundredThousandNestedArraysAreAJsonLimitNotAStackOverflow() {
        answer = body(result("[".repeat(200_000) + "]".repeat(200_000)));
        assertThatThrownBy(() -> node.headNumber()).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("exceeds a JSON limit").hasMessageContaining("nesting depth");
        assertThat(requests).hasValue(1);   // not retried
        answer = body("[" + result("[".repeat(200_000) + "]".repeat(200_000)) + "]");   // in a batch
        assertThatThrownBy(() -> node.blocks(1, 1)).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeReading() {
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 5_000_000_000L);
            exchange.getResponseBody().write("{\"jsonrpc\":".getBytes(StandardCharsets.US_ASCII));
        };
        assertThatThrownBy(() -> node.headNumber()).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("announced an answer of 5000000000 bytes; the limit is 4194304 bytes")
                .hasMessageContaining("CUSTOS_LEDGER_MAX_RESPONSE_BYTES");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aChunkedAnswerIsCutOffAtTheLimit() {
        AtomicInteger written = new AtomicInteger();
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 0);   // chunked
            byte[] chunk = "0,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('[');
                for (int i = 0; i < 16 * 1024; i++) {   // 1 GiB unless the client stops
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            }
        };
        assertThatThrownBy(() -> node.headNumber()).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("sent an answer of more than 4194304 bytes");
        assertThat(written.get()).isLessThan(64 << 20);
    }

    @Test
    void manySmallValuesWithinTheSizeAreATokenLimit() {
        answer = body(result("[" + "[],".repeat(1_300_000) + "[]]"));   // 3.9 MB, 2.6 million tokens
        assertThatThrownBy(() -> node.headNumber()).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("exceeds a JSON limit").hasMessageContaining("Token count");
    }

    @Test
    void aDuplicatedKeyIsRefused() {
        answer = body("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x1\",\"result\":\"0x2\"}");
        assertThatThrownBy(() -> node.headNumber()).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("not the JSON-RPC expected").hasMessageContaining("Duplicate field 'result'");
    }

    @Test
    void aBatchAnswerOfNullsOrOfTheWrongShapeIsRefusedInWords() {
        answer = body("[null,null]");
        assertThatThrownBy(() -> node.blocks(1, 1)).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("null in place of an answer");
        answer = body(result("\"0x1\""));
        assertThatThrownBy(() -> node.blocks(1, 1)).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("not the JSON-RPC expected");
    }

    @Test
    void aServerErrorIsRetriedAndARefusalOfCredentialsIsNot() {
        answer = exchange -> exchange.sendResponseHeaders(503, -1);
        assertThatThrownBy(() -> node.headNumber()).hasMessageContaining("HTTP 503");
        assertThat(requests).hasValue(3);
        requests.set(0);
        answer = exchange -> exchange.sendResponseHeaders(401, -1);
        assertThatThrownBy(() -> node.headNumber()).hasMessageContaining("HTTP 401")
                .hasMessageContaining("requires credentials");
        assertThat(requests).hasValue(1);
    }
}
