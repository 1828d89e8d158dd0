package org.custos.portal.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * The allowlist refuses every write (and any method not on the list) before a byte leaves the process: a local
 * HTTP server counts what arrives. Read methods pass.
 */
class ReadOnlyHttpServiceTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private Web3j web3j;
    private ReadOnlyHttpService service;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            byte[] answer = answer(body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        service = new ReadOnlyHttpService("http://127.0.0.1:" + server.getAddress().getPort(),
                new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build());
        web3j = Web3j.build(service);
    }

    /** When set, a batch is answered with one JSON-RPC error object instead of an array (as nodes do). */
    private volatile boolean batchAnsweredWithAnObject;

    /** "0x10" for every request; a batch's answers in reverse order (JSON-RPC does not promise the order). */
    private String answer(String body) throws IOException {
        com.fasterxml.jackson.databind.JsonNode request = JSON.readTree(body);
        if (!request.isArray()) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":\"0x10\"}";
        }
        if (batchAnsweredWithAnObject) {
            return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32005,\"message\":\"batch too large\"}}";
        }
        List<String> answers = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode r : request) {
            answers.add(0, "{\"jsonrpc\":\"2.0\",\"id\":" + r.get("id") + ",\"result\":\"0x10\"}");
        }
        return "[" + String.join(",", answers) + "]";
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @AfterEach
    void stop() {
        web3j.shutdown();
        server.stop(0);
    }

    @Test
    void readMethodsAreSent() throws IOException {
        assertThat(web3j.ethBlockNumber().send().getBlockNumber()).isEqualTo(BigInteger.valueOf(16));
        assertThat(received).hasSize(1).first().asString().contains("eth_blockNumber");
    }

    @Test
    void sendRawTransactionIsRefusedBeforeSending() {
        assertThatThrownBy(() -> web3j.ethSendRawTransaction("0x02f86c").send())
                .isInstanceOf(RefusedMethodException.class).hasMessageContaining("eth_sendRawTransaction");
        assertThat(received).isEmpty();
    }

    @Test
    void sendTransactionIsRefusedBeforeSending() {
        Transaction tx = Transaction.createEtherTransaction("0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(21000),
                "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", BigInteger.ONE);
        assertThatThrownBy(() -> web3j.ethSendTransaction(tx).send()).isInstanceOf(RefusedMethodException.class);
        assertThatThrownBy(() -> web3j.ethSendTransaction(tx).sendAsync().join())
                .hasRootCauseInstanceOf(RefusedMethodException.class);
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth_sign", "eth_signTransaction", "eth_signTypedData_v4", "personal_sign",
        "personal_unlockAccount", "personal_sendTransaction", "anvil_mine", "anvil_setBalance",
        "anvil_impersonateAccount", "evm_mine", "evm_setNextBlockTimestamp", "evm_revert", "admin_addPeer",
        "debug_setHead", "miner_start", "eth_call", "eth_getLogs", "ETH_BLOCKNUMBER", ""})
    void everyOtherMethodIsRefusedBeforeSending(String method) {
        Request<?, Web3jLedgerNode.RawResponse> request = new Request<>(method, List.of(), service,
                Web3jLedgerNode.RawResponse.class);
        assertThatThrownBy(request::send).isInstanceOf(RefusedMethodException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void aBatchWithOneWriteIsRefusedAsAWhole() {
        var batch = web3j.newBatch()
                .add(web3j.ethBlockNumber())
                .add(web3j.ethSendRawTransaction("0x02f86c"));
        assertThatThrownBy(batch::send).isInstanceOf(RefusedMethodException.class);
        assertThat(received).isEmpty();
    }

    private Request<?, Web3jLedgerNode.RawResponse> raw(String method, List<?> params) {
        return new Request<>(method, params, service, Web3jLedgerNode.RawResponse.class);
    }

    @Test
    void aBatchOfOneResponseTypeIsReadInOnePassWithEveryAnswer() throws IOException {
        var batch = web3j.newBatch().add(raw("eth_blockNumber", List.of())).add(raw("eth_chainId", List.of()))
                .add(raw("eth_getBlockByNumber", List.of("0x1", true)));
        var response = batch.send();
        assertThat(received).hasSize(1);
        assertThat(response.getRequests()).hasSize(3);
        assertThat(response.getResponses()).hasSize(3)
                .allSatisfy(r -> assertThat(r).isInstanceOf(Web3jLedgerNode.RawResponse.class))
                .allSatisfy(r -> assertThat(r.getResult()).isEqualTo("0x10"));
        // answered in reverse order: the ids say which answer is whose (Web3jLedgerNode matches by id)
        List<Long> requestIds = new java.util.ArrayList<>(response.getRequests().stream().map(Request::getId).toList());
        java.util.Collections.reverse(requestIds);
        assertThat(response.getResponses().stream().map(r -> r.getId()).toList()).isEqualTo(requestIds);
    }

    @Test
    void aBatchOfOneResponseTypeWithOneWriteIsRefusedAsAWhole() {
        var batch = web3j.newBatch().add(raw("eth_blockNumber", List.of()))
                .add(raw("eth_sendRawTransaction", List.of("0x02f86c")));
        assertThatThrownBy(batch::send).isInstanceOf(RefusedMethodException.class)
                .hasMessageContaining("eth_sendRawTransaction");
        assertThat(received).isEmpty();
    }

    @Test
    void aBatchAnsweredWithoutAnArrayIsAnError() {
        batchAnsweredWithAnObject = true;
        var batch = web3j.newBatch().add(raw("eth_blockNumber", List.of())).add(raw("eth_chainId", List.of()));
        assertThatThrownBy(batch::send).isInstanceOf(IOException.class);
        assertThat(received).hasSize(1);
    }

    @Test
    void theStatusCallsAreAllowed() throws IOException {
        web3j.ethChainId().send();
        web3j.web3ClientVersion().send();
        new Request<>("eth_getBlockByNumber", List.of("latest", false), service, Web3jLedgerNode.RawResponse.class)
                .send();
        assertThat(received).hasSize(3);
    }
}
