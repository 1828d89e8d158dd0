package org.custos.portal.ledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A JSON-RPC proxy between the code under test and a real node: it forwards every request and lets the test
 * change the node's answer ({@link #tamper}, given the request and the parsed answer), act before forwarding
 * ({@link #beforeForward}, e.g. kill the node mid-sync), or break the HTTP answer itself for the requests it selects
 * ({@link #breakWith}: the broken-node behaviours of issue 13 B8). It counts the requests that carried each method.
 *
 * <p>It speaks HTTP/1.1 over its own server socket (test code: a broken node must be able to send what no HTTP
 * server library would), optionally over TLS ({@link #tls}) and demanding an {@code Authorization} header, as a
 * member's Besu node behind its TLS proxy does.
 */
public final class TamperingProxy implements AutoCloseable {

    /** How a broken node answers a selected request instead of forwarding it. */
    public enum Broken {
        /** A proper answer, but with a header line that has no colon. */
        HEADER_WITHOUT_COLON,
        /** {@code Content-Length: 5000000000}, a few bytes, then the connection closed. */
        HUGE_CONTENT_LENGTH,
        /** A chunked answer of 3 GiB (a JSON array of zeros), until the reader stops reading. */
        ENDLESS_CHUNKED,
        /** The real answer one byte per second: every read succeeds, only an overall deadline ends it. */
        TRICKLE,
        /** A batch answer whose first result is 200,000 nested JSON arrays (valid JSON). */
        DEEP_NESTING,
        /** Half of the real answer, then the connection closed. */
        TRUNCATED,
        /** Not JSON at all. */
        NOT_JSON
    }

    /** The size of the endless chunked answer. */
    public static final long ENDLESS_BYTES = 3L << 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final String scheme;
    private final String requiredAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tampering-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String upstream;
    private volatile BiConsumer<JsonNode, JsonNode> tamper = (request, response) -> { };
    private volatile Consumer<JsonNode> beforeForward = request -> { };
    private volatile Broken broken;
    private volatile Predicate<JsonNode> brokenWhen = request -> false;
    private final AtomicInteger blockBatches = new AtomicInteger();
    private final AtomicInteger blockBatchesInFlight = new AtomicInteger();
    private final AtomicInteger maxBlockBatchesInFlight = new AtomicInteger();
    private final AtomicInteger brokenAnswers = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong brokenBytes = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public TamperingProxy(String upstream) throws IOException {
        this(upstream, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", null);
    }

    private TamperingProxy(String upstream, ServerSocket server, String scheme, String requiredAuthorization) {
        this.upstream = upstream;
        this.server = server;
        this.scheme = scheme;
        this.requiredAuthorization = requiredAuthorization;
        threads.execute(this::accept);
    }

    /**
     * An {@code https://} proxy with {@code tls}'s server certificate that answers HTTP 401 to every request whose
     * {@code Authorization} header is not {@code requiredAuthorization} (none demanded when null).
     */
    public static TamperingProxy tls(String upstream, SSLContext tls, String requiredAuthorization)
            throws IOException {
        return new TamperingProxy(upstream, tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()), "https", requiredAuthorization);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return;   // closed
            }
        }
    }

    /** Serves one connection: requests one after another (keep-alive) until either side closes it. */
    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                boolean keepOpen = handle(out, headers, body);
                out.flush();
                if (!keepOpen) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, a TLS handshake failed, or a broken answer was cut off: this connection ends
        } finally {
            open.remove(socket);
        }
    }

    private boolean handle(OutputStream out, Map<String, String> headers, byte[] body) throws IOException {
        requests.incrementAndGet();
        String authorization = headers.get("authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            refused.incrementAndGet();
            write(out, 401, "Unauthorized", ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-40100,"
                    + "\"message\":\"Unauthorized\"}}").getBytes(StandardCharsets.UTF_8), List.of());
            return true;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            write(out, 400, "Bad Request", new byte[0], List.of());
            return true;
        }
        boolean blockBatch = request.toString().contains("eth_getBlockReceipts");
        if (blockBatch) {
            blockBatches.incrementAndGet();
            maxBlockBatchesInFlight.accumulateAndGet(blockBatchesInFlight.incrementAndGet(), Math::max);
        }
        try {
            Broken b = broken;
            if (b != null && brokenWhen.test(request)) {
                brokenAnswers.incrementAndGet();
                misbehave(out, b, body, request);
                return false;
            }
            beforeForward.accept(request);
            Answer answer = forward(body, request);
            write(out, answer.status(), answer.status() == 200 ? "OK" : "Bad Gateway", answer.body(), List.of());
            return true;
        } catch (RuntimeException e) {
            write(out, 500, "Internal Server Error", new byte[0], List.of());
            return true;
        } finally {
            if (blockBatch) {
                blockBatchesInFlight.decrementAndGet();
            }
        }
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer forward(byte[] body, JsonNode request) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(this.upstream))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = JSON.readTree(response.body());
            tamper.accept(request, parsed);
            return new Answer(response.statusCode(), JSON.writeValueAsBytes(parsed));
        } catch (IOException | InterruptedException e) {
            return new Answer(502, ("upstream unreachable: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A broken answer ends its connection, and says so. */
    private static final String CLOSE = "Connection: close";

    private void misbehave(OutputStream out, Broken b, byte[] body, JsonNode request) throws IOException {
        switch (b) {
            case HEADER_WITHOUT_COLON -> write(out, 200, "OK", forward(body, request).body(),
                    List.of("This header line has no colon", CLOSE));
            case HUGE_CONTENT_LENGTH -> {
                head(out, 200, "OK", List.of("Content-Length: 5000000000", CLOSE));
                out.write("[{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.US_ASCII));
            }
            case ENDLESS_CHUNKED -> {
                head(out, 200, "OK", List.of("Transfer-Encoding: chunked", CLOSE));
                byte[] chunk = "0,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
                String size = Integer.toHexString(chunk.length) + "\r\n";
                out.write("1\r\n[\r\n".getBytes(StandardCharsets.US_ASCII));
                for (long sent = 0; sent < ENDLESS_BYTES; sent += chunk.length) {
                    out.write(size.getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    brokenBytes.addAndGet(chunk.length);
                }
                out.write("2\r\n0]\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case TRICKLE -> {
                byte[] answer = forward(body, request).body();
                head(out, 200, "OK", List.of("Content-Length: " + answer.length, CLOSE));
                for (byte x : answer) {
                    out.write(x);
                    out.flush();
                    try {
                        Thread.sleep(1000);   // the behaviour under test: a node that trickles its answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            case DEEP_NESTING -> write(out, 200, "OK", ("[{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":"
                    + "[".repeat(200_000) + "]".repeat(200_000) + "}]").getBytes(StandardCharsets.US_ASCII),
                    List.of(CLOSE));
            case TRUNCATED -> {
                byte[] answer = forward(body, request).body();
                head(out, 200, "OK", List.of("Content-Length: " + answer.length, CLOSE));
                out.write(answer, 0, answer.length / 2);
            }
            case NOT_JSON -> write(out, 200, "OK", "<html>502 proxy error</html>".getBytes(StandardCharsets.UTF_8),
                    List.of(CLOSE));
        }
    }

    private static void head(OutputStream out, int status, String reason, List<String> extra) throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n");
        extra.forEach(line -> h.append(line).append("\r\n"));
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void write(OutputStream out, int status, String reason, byte[] body, List<String> extra)
            throws IOException {
        List<String> lines = new java.util.ArrayList<>(extra);
        lines.add("Content-Length: " + body.length);
        head(out, status, reason, lines);
        out.write(body);
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (c == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(c);
        }
    }

    public String url() {
        return scheme + "://127.0.0.1:" + server.getLocalPort();
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

    /** From now on, answers the requests {@code when} selects as {@code behaviour} does; null: forward again. */
    public void breakWith(Broken behaviour, Predicate<JsonNode> when) {
        this.brokenWhen = when == null ? request -> false : when;
        this.broken = behaviour;
    }

    /** Selects the block batches (the requests that ask for receipts) from block {@code from} on. */
    public static Predicate<JsonNode> blockBatchesFrom(long from) {
        return request -> {
            if (!request.isArray()) {
                return false;
            }
            for (JsonNode r : request) {
                if (r.path("method").asText().equals("eth_getBlockReceipts")
                        && Long.decode(r.path("params").path(0).asText()) >= from) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Answers given by {@link #breakWith}'s behaviour so far. */
    public int brokenAnswers() {
        return brokenAnswers.get();
    }

    /** Body bytes of {@link Broken#ENDLESS_CHUNKED} answers written before the reader stopped reading. */
    public long endlessBytesSent() {
        return brokenBytes.get();
    }

    /** Requests answered 401 for want of the required Authorization header. */
    public int refused() {
        return refused.get();
    }

    /** Requests that reached the proxy's HTTP layer (after any TLS handshake). */
    public int requests() {
        return requests.get();
    }

    /** The Authorization headers received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
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
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
