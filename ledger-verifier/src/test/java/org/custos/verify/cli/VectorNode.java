package org.custos.verify.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small in-memory JSON-RPC node for unit tests: it serves the real Shanghai block 17034870 (full transactions) and its receipts
 * (test vectors), and, when given a token, answers 401 to any request without {@code Authorization: Bearer
 * <token>}.
 */
final class VectorNode implements HttpHandler {

    static final long BLOCK = 17034870;
    private static final String DIR = "vectors/ethereum-blocks/mainnet-17034870-shanghai/";

    private final String token;
    private volatile String lastAuthorization;

    VectorNode(String token) {
        this.token = token;
    }

    /** The block's hash, the checkpoint of a one-block range. */
    static String hash() {
        return (String) Json.object(org.custos.verify.testing.Json.resource(DIR + "block.json")).get("hash");
    }

    String lastAuthorization() {
        return lastAuthorization;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (token != null && !("Bearer " + token).equals(lastAuthorization)) {
                byte[] body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            List<Object> answers = new ArrayList<>();
            for (Object raw : (List<?>) Json.parse(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8))) {
                Map<String, Object> call = Json.object(raw);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("jsonrpc", "2.0");
                answer.put("id", call.get("id"));
                answer.put("result", switch ((String) call.get("method")) {
                    case "eth_chainId" -> "0x1";
                    case "eth_getBlockByNumber" -> org.custos.verify.testing.Json.resource(DIR + "block.json");
                    case "eth_getBlockReceipts" -> org.custos.verify.testing.Json.resource(DIR + "receipts.derived-from-portal-rlp.json");
                    default -> null;
                });
                answers.add(answer);
            }
            byte[] body = Json.write(answers).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
