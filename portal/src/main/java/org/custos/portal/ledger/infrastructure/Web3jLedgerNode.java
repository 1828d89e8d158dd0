package org.custos.portal.ledger.infrastructure;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.RpcBlock;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * One node over JSON-RPC with Web3j 4.13.0: OkHttp with TCP_NODELAY (no ~50 ms Nagle stall per batch), per-request
 * connect/read timeouts and a deadline per call, batched requests (a block range's
 * {@code eth_getBlockByNumber(n, true)} and {@code eth_getBlockReceipts(n)} in one HTTP request), retries with
 * exponential backoff, and {@link ReadOnlyHttpService}'s allowlist, answer limits, TLS trust and credentials (all
 * from {@link NodeTransport}). Answers are kept as plain JSON values (maps, lists, strings), so no field a node
 * sends is lost or reinterpreted before the verifier sees it.
 */
public final class Web3jLedgerNode implements LedgerNode, AutoCloseable {

    /** A JSON-RPC answer kept as parsed JSON ({@code Map}, {@code List}, {@code String}, ...). */
    public static final class RawResponse extends Response<Object> {
    }

    private final String url;
    private final ReadOnlyHttpService service;
    private final Web3j web3j;
    private final int retries;
    private final Duration backoff;

    /** A node with the default transport (no trust store, no credentials; limits for batches of 100 blocks). */
    public Web3jLedgerNode(String url, Duration timeout, int retries, Duration backoff) {
        this(url, NodeTransport.plain(timeout, 100), retries, backoff);
    }

    public Web3jLedgerNode(String url, NodeTransport transport, int retries, Duration backoff) {
        this.url = url;
        this.retries = retries;
        this.backoff = backoff;
        this.service = transport.service(url);
        this.web3j = Web3j.build(service);
    }

    /** The Web3j client, for the status gateway; it shares this node's allowlist. */
    Web3j web3j() {
        return web3j;
    }

    @Override
    public String name() {
        return url;
    }

    @Override
    public long chainId() throws LedgerUnavailableException {
        return quantity(single("eth_chainId", List.of()), "eth_chainId");
    }

    @Override
    public long headNumber() throws LedgerUnavailableException {
        return quantity(single("eth_blockNumber", List.of()), "eth_blockNumber");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RpcBlock> blocks(long from, int count) throws LedgerUnavailableException {
        List<Request<?, RawResponse>> requests = new ArrayList<>(2 * count);
        for (long n = from; n < from + count; n++) {
            requests.add(request("eth_getBlockByNumber", List.of(hex(n), true)));
            requests.add(request("eth_getBlockReceipts", List.of(hex(n))));
        }
        List<Object> results = batch(requests, "blocks " + from + ".." + (from + count - 1));
        List<RpcBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object block = results.get(2 * i);
            Object receipts = results.get(2 * i + 1);
            if (block == null) {
                break;
            }
            if (!(block instanceof Map<?, ?>) || !(receipts instanceof List<?>)) {
                throw new LedgerUnavailableException(url, "block " + (from + i)
                        + ": the node's answer is not a block object and a receipt list", null);
            }
            List<Map<String, Object>> receiptList = new ArrayList<>();
            for (Object r : (List<?>) receipts) {
                if (!(r instanceof Map<?, ?>)) {
                    throw new LedgerUnavailableException(url, "block " + (from + i) + ": a receipt is not an object",
                            null);
                }
                receiptList.add((Map<String, Object>) r);
            }
            blocks.add(new RpcBlock(from + i, (Map<String, Object>) block, receiptList));
        }
        return blocks;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> headers(long from, int count) throws LedgerUnavailableException {
        List<Request<?, RawResponse>> requests = new ArrayList<>(count);
        for (long n = from; n < from + count; n++) {
            requests.add(request("eth_getBlockByNumber", List.of(hex(n), false)));
        }
        List<Map<String, Object>> headers = new ArrayList<>(count);
        for (Object result : batch(requests, "headers " + from + ".." + (from + count - 1))) {
            if (result != null && !(result instanceof Map<?, ?>)) {
                throw new LedgerUnavailableException(url, "a header is not an object", null);
            }
            headers.add((Map<String, Object>) result);
        }
        return headers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> proof(String address, List<String> slots, long block)
            throws LedgerUnavailableException {
        Object result = single("eth_getProof", List.of(address, slots, hex(block)));
        if (!(result instanceof Map<?, ?>)) {
            throw new LedgerUnavailableException(url, "eth_getProof: the answer is not an object", null);
        }
        return (Map<String, Object>) result;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    private Request<?, RawResponse> request(String method, List<?> params) {
        return new Request<>(method, params, service, RawResponse.class);
    }

    private Object single(String method, List<?> params) throws LedgerUnavailableException {
        return withRetries(method, () -> {
            RawResponse response = request(method, params).send();
            return List.of(result(response, method));
        }).get(0);
    }

    /** Sends the requests as one JSON-RPC batch and returns their results in request order. */
    private List<Object> batch(List<Request<?, RawResponse>> requests, String what)
            throws LedgerUnavailableException {
        return withRetries(what, () -> {
            BatchRequest batch = web3j.newBatch();
            requests.forEach(batch::add);
            BatchResponse response = batch.send();
            if (response == null || response.getResponses().size() != requests.size()) {
                throw new IOException("the node answered " + (response == null ? 0 : response.getResponses().size())
                        + " of " + requests.size() + " batched requests");
            }
            Map<Long, Response<?>> byId = new HashMap<>();
            for (Response<?> r : response.getResponses()) {
                if (r == null || byId.put(r.getId(), r) != null) {
                    throw new NodeAnswerException("the node's batch answer is "
                            + (r == null ? "null in place of an answer" : "twice for request " + r.getId()), true);
                }
            }
            List<Object> results = new ArrayList<>(requests.size());
            for (Request<?, RawResponse> request : requests) {
                Response<?> r = byId.get(request.getId());
                if (r == null) {
                    throw new IOException("no answer to request " + request.getId() + " (" + request.getMethod()
                            + ") in the batch");
                }
                results.add(result(r, request.getMethod()));
            }
            return results;
        });
    }

    private static Object result(Response<?> response, String method) throws IOException {
        if (response.hasError()) {
            throw new IOException(method + ": JSON-RPC error " + response.getError().getCode() + ": "
                    + response.getError().getMessage());
        }
        return response.getResult();
    }

    private interface Call {
        List<Object> run() throws IOException;
    }

    private List<Object> withRetries(String what, Call call) throws LedgerUnavailableException {
        long wait = backoff.toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (IOException | RuntimeException e) {
                if (e instanceof RefusedMethodException refused) {
                    throw refused;
                }
                if (attempt >= retries || e instanceof NodeAnswerException a && !a.retryable()) {
                    throw new LedgerUnavailableException(url, what + ": " + describe(e), e);
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerUnavailableException(url, what + ": interrupted", e);
            }
            wait = Math.min(wait * 2, 30_000);
        }
    }

    private long quantity(Object value, String method) throws LedgerUnavailableException {
        if (!(value instanceof String text) || !text.matches("0x(0|[1-9a-f][0-9a-f]{0,15})")) {
            String shown = String.valueOf(value);
            throw new LedgerUnavailableException(url, method + ": not a quantity: "
                    + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown), null);
        }
        return new BigInteger(text.substring(2), 16).longValueExact();
    }

    private static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }

    private static String describe(Exception e) {
        if (e instanceof NodeAnswerException) {
            return e.getMessage();   // already in words
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
