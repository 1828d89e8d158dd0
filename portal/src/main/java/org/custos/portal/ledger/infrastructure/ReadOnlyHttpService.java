package org.custos.portal.ledger.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * Web3j's HTTP transport with an allowlist of read methods. Every payload Web3j is about to send, single or
 * batched, is parsed and each method checked against {@link #READ_METHODS} in {@link #performIO}, the one place
 * every request passes through; anything else (eth_sendRawTransaction, eth_sendTransaction, eth_sign*,
 * personal_*, anvil_*, evm_*, admin_*, debug_*, ...) throws {@link RefusedMethodException} and nothing is sent.
 * Batches of one response type are also read in one pass ({@link #sendBatch}).
 */
public class ReadOnlyHttpService extends HttpService {

    /** The only JSON-RPC methods the portal may call. */
    public static final Set<String> READ_METHODS = Set.of("eth_chainId", "eth_blockNumber", "eth_getBlockByNumber",
            "eth_getBlockReceipts", "eth_getProof", "web3_clientVersion");

    public ReadOnlyHttpService(String url, OkHttpClient client) {
        super(url, client, false);
    }

    @Override
    protected InputStream performIO(String payload) throws IOException {
        for (String method : methods(payload)) {
            if (!READ_METHODS.contains(method)) {
                throw new RefusedMethodException(method);
            }
        }
        return super.performIO(payload);
    }

    /**
     * As Web3j's own batch, but the answer is read in one pass straight into the requests' response type when they
     * share one (the sync's batches do): Web3j first builds a tree of the whole answer, then converts each element,
     * which parsed every block twice and was the largest cost of a batched fetch. Same mapper, same configuration;
     * mixed response types go through Web3j unchanged. The payload still passes {@link #performIO}'s allowlist.
     */
    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        List<Request<?, ? extends Response<?>>> requests = batch.getRequests();
        Class<?> type = requests.isEmpty() ? null : requests.get(0).getResponseType();
        if (type == null || requests.stream().anyMatch(r -> r.getResponseType() != type)) {
            return super.sendBatch(batch);
        }
        String payload = objectMapper.writeValueAsString(requests);
        try (InputStream in = performIO(payload)) {
            if (in == null) {
                throw new IOException("the node sent no answer to a batch of " + requests.size() + " requests");
            }
            List<Response<?>> responses = objectMapper.readValue(in,
                    objectMapper.getTypeFactory().constructCollectionType(List.class, type));
            if (responses == null) {
                throw new IOException("the node answered a batch with null");
            }
            return new BatchResponse(requests, responses);
        }
    }

    /** The method of each request in a payload; a payload that is not JSON-RPC is refused as a whole. */
    private List<String> methods(String payload) {
        JsonNode root;
        try {
            root = objectMapper.readTree(payload);
        } catch (IOException e) {
            throw new RefusedMethodException("(unparseable payload)");
        }
        List<String> methods = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(node -> methods.add(method(node)));
        } else {
            methods.add(method(root));
        }
        return methods;
    }

    private static String method(JsonNode node) {
        JsonNode method = node == null ? null : node.get("method");
        if (method == null || !method.isTextual()) {
            throw new RefusedMethodException("(no method)");
        }
        return method.asText();
    }
}
