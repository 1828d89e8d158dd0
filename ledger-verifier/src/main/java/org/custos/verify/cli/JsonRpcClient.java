package org.custos.verify.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A read-only JSON-RPC 2.0 client over HTTP/1.1 on a plain {@link Socket}: one keep-alive connection with
 * {@code TCP_NODELAY} (without it, small batch requests stall on Nagle/delayed ACK, ledger-facts §3), connect and
 * read timeouts, and batched requests (a JSON array of calls, answered in any order and matched by id).
 *
 * <p>Only reading methods can be called ({@link #READ_METHODS}); there is no way to send a transaction. Plain
 * {@code http://} only. The client returns raw JSON values: it judges nothing.
 */
public final class JsonRpcClient implements AutoCloseable {

    /** The methods this client will send; anything else is refused before it reaches the network. */
    public static final Set<String> READ_METHODS = Set.of("eth_chainId", "eth_blockNumber", "eth_getBlockByNumber",
            "eth_getBlockReceipts", "eth_getProof");

    /** One call of a batch. */
    public record Call(String method, List<Object> params) {

        public Call {
            if (!READ_METHODS.contains(method)) {
                throw new IllegalArgumentException("not a read method of this client: " + method);
            }
            params = List.copyOf(params);
        }
    }

    /** A JSON-RPC error object returned by the node, or a malformed response. */
    public static final class RpcException extends IOException {

        private static final long serialVersionUID = 1L;

        public RpcException(String message) {
            super(message);
        }
    }

    private final String host;
    private final int port;
    private final String path;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long nextId = 1;

    public JsonRpcClient(URI url, Duration connectTimeout, Duration readTimeout) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("only http://host:port URLs are supported: " + url);
        }
        this.host = url.getHost();
        this.port = url.getPort() < 0 ? 80 : url.getPort();
        this.path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.readTimeoutMillis = (int) readTimeout.toMillis();
    }

    /** A single call; returns its {@code result}. */
    public Object call(String method, Object... params) throws IOException {
        return batch(List.of(new Call(method, List.of(params)))).get(0);
    }

    /** Sends all calls as one batch request; returns the results in call order (a null result stays null). */
    public List<Object> batch(List<Call> calls) throws IOException {
        if (calls.isEmpty()) {
            return List.of();
        }
        long firstId = nextId;
        List<Object> request = new ArrayList<>();
        for (Call call : calls) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("jsonrpc", "2.0");
            item.put("id", nextId++);
            item.put("method", call.method());
            item.put("params", call.params());
            request.add(item);
        }
        Object response = Json.parse(post(Json.write(request)));
        if (!(response instanceof List<?> items) || items.size() != calls.size()) {
            throw new RpcException("batch response is not an array of " + calls.size() + " answers");
        }
        Object[] results = new Object[calls.size()];
        boolean[] seen = new boolean[calls.size()];
        for (Object raw : items) {
            if (!(raw instanceof Map<?, ?> item) || !(item.get("id") instanceof Number id)) {
                throw new RpcException("batch answer without a numeric id");
            }
            int index = (int) (id.longValue() - firstId);
            if (index < 0 || index >= results.length || seen[index]) {
                throw new RpcException("unexpected or repeated id " + id);
            }
            seen[index] = true;
            if (item.get("error") != null) {
                throw new RpcException(calls.get(index).method() + " " + calls.get(index).params() + ": "
                        + Json.write(item.get("error")));
            }
            results[index] = item.get("result");
        }
        return java.util.Arrays.asList(results);
    }

    /** POSTs the body; on a broken reused connection, reconnects once (all methods are reads: retry is safe). */
    private String post(String body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(body);
        }
    }

    private String exchange(String body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + payload.length + "\r\nConnection: keep-alive\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
        return readResponse();
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.setSoTimeout(readTimeoutMillis);
        s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 1 << 16);
        out = s.getOutputStream();
    }

    private String readResponse() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.")) {
            throw new RpcException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = status.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? readChunked() : length >= 0 ? readExactly(length) : in.readAllBytes();
        if (closeAfter || (!chunked && length < 0)) {
            close();
        }
        if (code != 200) {
            throw new RpcException("HTTP " + code + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(long length) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(length));
        if (bytes.length != length) {
            throw new IOException("connection closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the node");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we no longer use
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
