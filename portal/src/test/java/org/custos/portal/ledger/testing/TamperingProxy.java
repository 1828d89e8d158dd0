package org.custos.portal.ledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A JSON-RPC proxy between the code under test and a real node: it forwards every request and lets the test
 * change the node's answer ({@link #tamper}, given the request and the parsed answer) or act before forwarding
 * ({@link #beforeForward}, e.g. kill the node mid-sync). It counts the requests that carried each method.
 */
public final class TamperingProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String upstream;
    private volatile BiConsumer<JsonNode, JsonNode> tamper = (request, response) -> { };
    private volatile Consumer<JsonNode> beforeForward = request -> { };
    private final AtomicInteger blockBatches = new AtomicInteger();
    private final AtomicInteger blockBatchesInFlight = new AtomicInteger();
    private final AtomicInteger maxBlockBatchesInFlight = new AtomicInteger();

    public TamperingProxy(String upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                JsonNode request = JSON.readTree(body);
                boolean blockBatch = request.toString().contains("eth_getBlockReceipts");
                if (blockBatch) {
                    blockBatches.incrementAndGet();
                    maxBlockBatchesInFlight.accumulateAndGet(blockBatchesInFlight.incrementAndGet(), Math::max);
                }
                try {
                    forward(exchange, body, request);
                } finally {
                    if (blockBatch) {
                        blockBatchesInFlight.decrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private void forward(HttpExchange exchange, byte[] body, JsonNode request)
            throws IOException {
        beforeForward.accept(request);
        byte[] answer;
        int status;
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(this.upstream))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = JSON.readTree(response.body());
            tamper.accept(request, parsed);
            answer = JSON.writeValueAsBytes(parsed);
            status = response.statusCode();
        } catch (IOException | InterruptedException e) {
            answer = ("upstream unreachable: " + e).getBytes(StandardCharsets.UTF_8);
            status = 502;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void upstream(String url) {
        this.upstream = url;
    }

    public void tamper(BiConsumer<JsonNode, JsonNode> tamper) {
        this.tamper = tamper;
    }

    public void beforeForward(Consumer<JsonNode> hook) {
        this.beforeForward = hook;
    }

    /** The most block batches the proxy was forwarding at the same time. */
    public int maxBlockBatchesInFlight() {
        return maxBlockBatchesInFlight.get();
    }

    /** Requests so far that asked for block receipts (one per block batch). */
    public int blockBatches() {
        return blockBatches.get();
    }

    /**
     * In a batch answer, the result of the request with {@code method} whose first parameter is block
     * {@code number} (hex), or null.
     */
    public static JsonNode resultFor(JsonNode request, JsonNode response, String method, long number) {
        if (!request.isArray() || !response.isArray()) {
            return null;
        }
        String hex = "0x" + Long.toHexString(number);
        for (JsonNode r : request) {
            if (r.get("method").asText().equals(method) && r.get("params").get(0).asText().equals(hex)) {
                for (JsonNode a : response) {
                    if (a.get("id").asLong() == r.get("id").asLong()) {
                        return a.get("result");
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
