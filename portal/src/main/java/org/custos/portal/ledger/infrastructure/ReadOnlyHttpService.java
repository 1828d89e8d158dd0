package org.custos.portal.ledger.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * Web3j's HTTP transport with an allowlist of read methods and bounded answers. Every payload Web3j is about to
 * send, single or batched, is parsed and each method checked against {@link #READ_METHODS} in {@link #performIO},
 * the one place every request passes through; anything else (eth_sendRawTransaction, eth_sendTransaction,
 * eth_sign*, personal_*, anvil_*, evm_*, admin_*, debug_*, ...) throws {@link RefusedMethodException} and nothing is
 * sent. Every answer is read within its {@link AnswerLimits} (size, then JSON nesting, lengths and tokens), and an
 * HTTP error, a malformed HTTP answer or a TLS failure becomes a {@link NodeAnswerException} with the reason in
 * words. The endpoint's {@code Authorization} header, if any, is added here and appears in no message.
 * Batches of one response type are also read in one pass ({@link #sendBatch}).
 */
public class ReadOnlyHttpService extends HttpService {

    /** The only JSON-RPC methods the portal may call. */
    public static final Set<String> READ_METHODS = Set.of("eth_chainId", "eth_blockNumber", "eth_getBlockByNumber",
            "eth_getBlockReceipts", "eth_getProof", "web3_clientVersion");

    private final String url;
    private final OkHttpClient client;
    private final AnswerLimits limits;
    private final ObjectMapper reader;
    private final String authorization;
    private final String credentialKey;
    private final String trustName;

    /** Default limits (a batch of 100 blocks), no credentials. */
    public ReadOnlyHttpService(String url, OkHttpClient client) {
        this(url, client, AnswerLimits.forBatch(100), null, null, "the JDK's default CAs");
    }

    /**
     * @param authorization the {@code Authorization} header value, or null
     * @param credentialKey the settings that would hold credentials for this endpoint (named in a 401's reason)
     * @param trustName     the CAs trusted (named in a certificate failure's reason)
     */
    public ReadOnlyHttpService(String url, OkHttpClient client, AnswerLimits limits, String authorization,
                               String credentialKey, String trustName) {
        super(url, client, false);
        this.url = url;
        this.client = client;
        this.limits = limits;
        this.reader = limits.reader(objectMapper);
        this.authorization = authorization;
        this.credentialKey = credentialKey;
        this.trustName = trustName;
    }

    @Override
    protected InputStream performIO(String payload) throws IOException {
        for (String method : methods(payload)) {
            if (!READ_METHODS.contains(method)) {
                throw new RefusedMethodException(method);
            }
        }
        okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(url)
                .post(RequestBody.create(payload, JSON_MEDIA_TYPE));
        getHeaders().forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        okhttp3.Call call = client.newCall(request.build());
        try (okhttp3.Response response = call.execute()) {
            try {
                return read(response);
            } catch (IOException e) {
                call.cancel();   // drop the connection: neither drain the rest of a refused answer nor reuse it
                throw e;
            }
        } catch (SSLPeerUnverifiedException e) {
            throw new NodeAnswerException("TLS: the node's certificate does not name the host of " + url + " ("
                    + e.getMessage() + ")", false, e);
        } catch (SSLHandshakeException e) {
            throw new NodeAnswerException("TLS: the node's certificate is not trusted by " + trustName + " ("
                    + rootMessage(e) + ")", false, e);
        } catch (SSLException e) {
            throw new NodeAnswerException("TLS: " + rootMessage(e), true, e);
        } catch (InterruptedIOException e) {
            if (e.getClass() == InterruptedIOException.class) {   // OkHttp's call timeout (SocketTimeoutException: read)
                throw new NodeAnswerException("no complete answer within the deadline of "
                        + client.callTimeoutMillis() / 1000 + " s (custos.ledger.call-timeout-seconds)", true, e);
            }
            throw e;
        }
    }

    private InputStream read(okhttp3.Response response) throws IOException {
        if (response.headers().names().contains("")) {
            throw new NodeAnswerException("malformed HTTP answer: a header line without a colon", true);
        }
        if (!response.isSuccessful()) {
            throw status(response.code(), response.message());
        }
        ResponseBody body = response.body();
        return body == null ? null : new ByteArrayInputStream(limits.read(body));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        String payload = objectMapper.writeValueAsString(request);
        try (InputStream in = performIO(payload)) {
            return in == null ? null : parse(() -> reader.readValue(in, responseType));
        }
    }

    /**
     * As Web3j's own batch, but the answer is read in one pass straight into the requests' response type when they
     * share one (the sync's batches do): Web3j first builds a tree of the whole answer, then converts each element,
     * which parsed every block twice and was the largest cost of a batched fetch. Mixed response types are read as a
     * tree and matched by id. Both within the {@link AnswerLimits}; the payload passes {@link #performIO}'s allowlist.
     */
    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        List<Request<?, ? extends Response<?>>> requests = batch.getRequests();
        Class<?> type = requests.isEmpty() ? null : requests.get(0).getResponseType();
        boolean oneType = type != null && requests.stream().allMatch(r -> r.getResponseType() == type);
        String payload = objectMapper.writeValueAsString(requests);
        try (InputStream in = performIO(payload)) {
            if (in == null) {
                throw new IOException("the node sent no answer to a batch of " + requests.size() + " requests");
            }
            List<Response<?>> responses = oneType
                    ? parse(() -> reader.readValue(in, reader.getTypeFactory().constructCollectionType(List.class,
                            type)))
                    : mixed(requests, parse(() -> reader.readTree(in)));
            if (responses == null) {
                throw new IOException("the node answered a batch with null");
            }
            return new BatchResponse(requests, responses);
        }
    }

    private List<Response<?>> mixed(List<Request<?, ? extends Response<?>>> requests, JsonNode answer)
            throws IOException {
        if (answer == null || !answer.isArray()) {
            throw new IOException("the node answered a batch with " + (answer == null ? "nothing" : answer.getNodeType()));
        }
        Map<Long, Class<? extends Response<?>>> types = new HashMap<>();
        requests.forEach(r -> types.put(r.getId(), r.getResponseType()));
        List<Response<?>> responses = new ArrayList<>(answer.size());
        for (JsonNode element : answer) {
            JsonNode id = element.get("id");
            Class<? extends Response<?>> t = id == null || !id.canConvertToLong() ? null : types.get(id.asLong());
            if (t == null) {
                throw new IOException("the node answered a batch with an element for no request: id " + id);
            }
            responses.add(parse(() -> reader.treeToValue(element, t)));
        }
        return responses;
    }

    private interface Parse<T> {
        T run() throws IOException;
    }

    /** Runs a parse; a JSON limit or malformed JSON becomes a {@link NodeAnswerException} in words. */
    private static <T> T parse(Parse<T> parse) throws IOException {
        try {
            return parse.run();
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof StreamConstraintsException limit) {   // databind wraps the parser's exception
                    throw new NodeAnswerException("the node's answer exceeds a JSON limit: "
                            + limit.getOriginalMessage(), false, e);
                }
            }
            throw new NodeAnswerException("the node's answer is not the JSON-RPC expected: "
                    + e.getOriginalMessage(), true, e);
        }
    }

    private NodeAnswerException status(int code, String reason) {
        String phrase = code + " " + printable(reason);
        if (code == 401 || code == 403) {
            return new NodeAnswerException("HTTP " + phrase + ": " + (authorization == null
                    ? "the node requires credentials and none are configured for this endpoint ("
                    + (credentialKey == null ? "CUSTOS_LEDGER_AUTHORIZATION" : credentialKey) + ")"
                    : "the node refused the configured credentials"), false);
        }
        return new NodeAnswerException("HTTP " + phrase, code >= 500 || code == 429 || code == 408);
    }

    private static String printable(String text) {
        String clean = text == null ? "" : text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
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
