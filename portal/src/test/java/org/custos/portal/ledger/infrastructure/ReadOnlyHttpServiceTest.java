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
            byte[] answer = (body.trim().startsWith("[")
                    ? "[{\"jsonrpc\":\"2.0\",\"id\":" + idOf(body) + ",\"result\":\"0x10\"}]"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + idOf(body) + ",\"result\":\"0x10\"}")
                    .getBytes(StandardCharsets.UTF_8);
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

    private static String idOf(String body) {
        int i = body.indexOf("\"id\":") + 5;
        int end = i;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return body.substring(i, end);
    }

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

    @Test
    void theStatusCallsAreAllowed() throws IOException {
        web3j.ethChainId().send();
        web3j.web3ClientVersion().send();
        new Request<>("eth_getBlockByNumber", List.of("latest", false), service, Web3jLedgerNode.RawResponse.class)
                .send();
        assertThat(received).hasSize(3);
    }
}
