package org.custos.portal.ledger.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.web3j.protocol.http.HttpService;

/**
 * Web3j's HTTP transport with an allowlist of read methods. Every payload Web3j is about to send, single or
 * batched, is parsed and each method checked against {@link #READ_METHODS} in {@link #performIO}, the one place
 * every request passes through; anything else (eth_sendRawTransaction, eth_sendTransaction, eth_sign*,
 * personal_*, anvil_*, evm_*, admin_*, debug_*, ...) throws {@link RefusedMethodException} and nothing is sent.
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
