package org.custos.verify.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only JSON-RPC 2.0 client: batched requests (a JSON array of calls, answered in any order and matched by
 * id) sent by {@link HttpTransport} (the JDK's HTTP client; {@code http://} or {@code https://} with an optional
 * pinned trust store and {@code Authorization} header; a connect timeout, one deadline per request and an answer
 * size limit, {@link RpcSettings}) and read by {@link Json} (Jackson, nesting and length limits).
 *
 * <p>Only reading methods can be called ({@link #READ_METHODS}); there is no way to send a transaction. The
 * client returns raw JSON values: it judges nothing. Whatever the node answers, a call either returns or throws
 * {@link RpcException} (an {@link IOException}) with a one-line message.
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

    /** A JSON-RPC error object returned by the node, or an answer that cannot be read. */
    public static final class RpcException extends IOException {

        private static final long serialVersionUID = 1L;

        public RpcException(String message) {
            super(message);
        }
    }

    private final HttpTransport transport;
    private final long maxResponseBytes;
    private long nextId = 1;

    /** {@code url}: {@code http://} or {@code https://}; see {@link RpcSettings} for limits and credentials. */
    public JsonRpcClient(URI url, RpcSettings settings) {
        this.transport = new HttpTransport(url, settings);
        this.maxResponseBytes = settings.maxResponseBytes();
    }

    /** Default limits, no credentials; {@code deadline} bounds each whole request. */
    public JsonRpcClient(URI url, Duration connectTimeout, Duration deadline) {
        this(url, RpcSettings.defaults().withTimeouts(connectTimeout, deadline));
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
        Object response = parse(transport.post(Json.write(request).getBytes(StandardCharsets.UTF_8)));
        if (!(response instanceof List<?> items) || items.size() != calls.size()) {
            throw new RpcException("batch response is not an array of " + calls.size() + " answers"
                    + (response instanceof Map<?, ?> single && single.get("error") != null
                    ? ": " + error(single.get("error")) : ""));
        }
        Object[] results = new Object[calls.size()];
        boolean[] seen = new boolean[calls.size()];
        for (Object raw : items) {
            if (!(raw instanceof Map<?, ?> item) || !(item.get("id") instanceof BigInteger id) || id.bitLength() > 62) {
                throw new RpcException("batch answer without an integer id");
            }
            long index = id.longValueExact() - firstId;
            if (index < 0 || index >= results.length || seen[(int) index]) {
                throw new RpcException("unexpected or repeated id " + OneLine.of(id.toString(), 40));
            }
            seen[(int) index] = true;
            if (item.get("error") != null) {
                Call call = calls.get((int) index);
                throw new RpcException(call.method() + " " + call.params() + ": " + error(item.get("error")));
            }
            results[(int) index] = item.get("result");
        }
        return Arrays.asList(results);
    }

    private Object parse(byte[] body) throws RpcException {
        try {
            return Json.parse(body, maxResponseBytes);
        } catch (IllegalArgumentException e) {
            throw new RpcException("the node's answer is not valid JSON within the limits: "
                    + OneLine.of(e.getMessage(), 300));
        }
    }

    private static String error(Object error) {
        return OneLine.of(Json.write(error), 300);
    }

    /** Nothing to release: the JDK's client closes idle connections itself (Java 17 has no close). */
    @Override
    public void close() {
        // kept AutoCloseable so callers need not change when the client holds resources again
    }
}
