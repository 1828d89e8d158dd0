package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.state.AccountProofVerifier;
import org.custos.verify.testing.TestKeys;
import org.custos.verify.testing.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end against real anvil nodes (ledger-facts §1): for the London, Shanghai, Cancun and Prague header
 * layouts and anvil's default fork, transactions of types 0, 1, 2 (and 4 from Prague, with an EIP-7702
 * authorization signed here by dev key #1) plus a contract creation that emits a log are sent through
 * {@code eth_sendTransaction} and mined into one block; then the CLI's {@code range} command runs in-process and
 * must verify every block from genesis (hash chain, transactions root, receipts root, blooms, withdrawals) and
 * EIP-1186 proofs of a dev account and of a fresh (absent) address at the head, write a transcript that the
 * {@code transcript} command re-verifies, and reject a tampering proxy's answers with the right reason code.
 * Behind a local TLS proxy that demands a bearer token (CA and certificate made at test time), {@code range}
 * verifies with the pinned CA and the token from the environment, and stops with exit 2 without either.
 * No blob transactions (anvil roots the network wrapper, ledger-facts §1 deviation 1).
 */
class AnvilRangeIT {

    private static final String ACCOUNT_0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String ACCOUNT_1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String ACCOUNT_2 = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    private static final BigInteger KEY_1 =
            new BigInteger("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 16);
    private static final String FRESH = "0x00000000000000000000000000000000c0ffee01";
    /** Init code whose constructor emits LOG1(topic = KEC("Custos")) with 32 bytes of data 0x2a, deploys nothing. */
    private static final String LOGGING_INIT_CODE = "0x602a600052" + "7f"
            + Bytes.of(Hashes.keccak256("Custos".getBytes(StandardCharsets.US_ASCII))).toHex().substring(2)
            + "60206000a100";
    private static final int CHAIN_ID = 4242;

    private static final List<Process> NODES = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path anvil;

    @TempDir
    Path temp;

    @BeforeAll
    static void findAnvil() {
        String property = System.getProperty("anvil.binary");
        assertThat(property).as("system property anvil.binary (set by failsafe in ledger-verifier/pom.xml)")
                .isNotBlank();
        anvil = Path.of(property);
        assertThat(Files.isExecutable(anvil)).as("anvil binary missing at " + anvil
                + ": run `npm ci` in the repository root (installs @foundry-rs/anvil)").isTrue();
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (Process node : NODES) {
            node.destroy();
        }
        for (Process node : NODES) {
            if (!node.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor();
            }
        }
        for (Process node : NODES) {
            assertThat(node.isAlive()).isFalse();
            assertThat(ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("")
                .endsWith("/anvil"))).isEmpty();
    }

    @ParameterizedTest(name = "hardfork {0}")
    @ValueSource(strings = {"london", "shanghai", "cancun", "prague", "default"})
    void everyBlockVerifiesEndToEnd(String hardfork) throws Exception {
        String url = startAnvil(hardfork);
        boolean prague = hardfork.equals("prague") || hardfork.equals("default");
        long head = populate(url, prague);
        // anvil 1.7.1 --hardfork london reports blobGasUsed and excessBlobGas, and no withdrawalsRoot, for genesis
        // only: a field combination no fork defines. As the checkpoint it is proven by its pinned hash alone
        // (RpcHeaderParser.parseCheckpoint), so the range starts at genesis on every fork (issue 13 A2)
        long from = 0;

        Path transcript = temp.resolve("evidence-" + hardfork + ".json");
        Result range = cli("range", "--rpc", url, "--from", Long.toString(from), "--to", Long.toString(head),
                "--checkpoint", blockHash(url, from), "--consensus", "dev", "--batch", "3", "--proof", ACCOUNT_0 + ":0x" + "00".repeat(32),
                "--proof", FRESH, "--transcript", transcript.toString());
        assertThat(range.status).as(range.output).isEqualTo(Main.VERIFIED);
        assertThat(range.output).contains("VERIFIED " + (head + 1 - from) + " blocks")
                .contains("no finality proof: hash chain only").contains("2 state proofs");
        int sent = prague ? 5 : 4;
        assertThat(range.output).contains(sent + " transactions, " + sent + " receipts");

        Map<String, Object> evidence = Json.object(Json.parse(Files.readString(transcript)));
        Set<String> types = new HashSet<>();
        for (Object entry : (List<?>) evidence.get("blocks")) {
            Map<String, Object> block = Json.object(Json.object(entry).get("block"));
            for (Object tx : (List<?>) block.get("transactions")) {
                types.add((String) Json.object(tx).get("type"));
            }
        }
        assertThat(types).containsAll(prague ? List.of("0x0", "0x1", "0x2", "0x4") : List.of("0x0", "0x1", "0x2"));

        Map<String, Object> freshProof = Json.object(Json.object(((List<?>) evidence.get("stateProofs")).get(1))
                .get("proof"));
        Map<String, Object> headBlock = Json.object(Json.object(((List<?>) evidence.get("blocks")).get((int) (head - from)))
                .get("block"));
        Bytes stateRoot = RpcHeaderParser.parse(headBlock).header().get(HeaderField.STATE_ROOT);
        assertThat(AccountProofVerifier.verifyAbsent(stateRoot, Bytes.fromHex(FRESH), nodes(freshProof)).verified())
                .isTrue();
        assertThat(AccountProofVerifier.verifyAbsent(stateRoot, Bytes.fromHex(ACCOUNT_0), nodes(Json.object(
                Json.object(((List<?>) evidence.get("stateProofs")).get(0)).get("proof")))).verified()).isFalse();

        Result offline = cli("transcript", transcript.toString(), "--checkpoint", blockHash(url, from));
        assertThat(offline.status).as(offline.output).isEqualTo(Main.VERIFIED);
    }

    @Test
    void tamperedAnswersAreRejectedWithTheirReason() throws Exception {
        String url = startAnvil("prague");
        long head = populate(url, true);
        long txBlock = head - 3;
        String checkpoint = blockHash(url, 0);

        assertRejected(url, head, checkpoint, "RECEIPTS_ROOT_MISMATCH", txBlock, answer -> {
            for (Object receipt : (List<?>) answer) {
                for (Object log : (List<?>) Json.object(receipt).get("logs")) {
                    Json.object(log).put("data", "0x" + "00".repeat(31) + "2b");
                }
            }
        }, "eth_getBlockReceipts", txBlock);
        assertRejected(url, head, checkpoint, "TRANSACTION_HASH_MISMATCH", txBlock,
                answer -> Json.object(((List<?>) Json.object(answer).get("transactions")).get(0)).put("value", "0x2"),
                "eth_getBlockByNumber", txBlock);
        assertRejected(url, head, checkpoint, "HASH_MISMATCH", txBlock,
                answer -> Json.object(answer).put("receiptsRoot", "0x" + "11".repeat(32)),
                "eth_getBlockByNumber", txBlock);
        assertRejected(url, head, checkpoint, "TRANSACTIONS_ROOT_MISMATCH", txBlock, answer -> {
            List<Object> txs = new ArrayList<>((List<?>) Json.object(answer).get("transactions"));
            txs.remove(txs.size() - 1);
            Json.object(answer).put("transactions", txs);
        }, "eth_getBlockByNumber", txBlock);
        assertRejected(url, head, checkpoint, "PROOF_VALUE_MISMATCH", head,
                answer -> Json.object(answer).put("balance", "0x1"), "eth_getProof", head);
    }

    @Test
    void tlsProxyDemandingABearerTokenInFrontOfAnvil() throws Exception {
        String anvilUrl = startAnvil("prague");
        long head = populate(anvilUrl, true);
        String token = "it-" + Long.toHexString(System.nanoTime()) + Long.toHexString(new java.util.Random().nextLong());
        TestTls tls = TestTls.create();
        Path ca = tls.writeCaPem(temp.resolve("ca.pem"));
        Path otherCa = TestTls.create().writeCaPem(temp.resolve("other-ca.pem"));
        HttpsServer proxy = tls.start(exchange -> {
            try (exchange) {
                if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                byte[] answer = post(anvilUrl, new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
        try {
            String[] args = {"range", "--rpc", "https://127.0.0.1:" + proxy.getAddress().getPort() + "/", "--from",
                "0", "--to", Long.toString(head), "--checkpoint", blockHash(anvilUrl, 0), "--consensus", "dev",
                "--proof", ACCOUNT_0};
            Map<String, String> env = Map.of(RpcSettings.AUTHORIZATION_ENV, "Bearer " + token,
                    RpcSettings.TRUST_STORE_ENV, ca.toString());
            Result verified = cli(env, args);
            assertThat(verified.status).as(verified.output).isEqualTo(Main.VERIFIED);
            assertThat(verified.output).contains("VERIFIED " + (head + 1) + " blocks").doesNotContain(token);

            Result noToken = cli(Map.of(RpcSettings.TRUST_STORE_ENV, ca.toString()), args);
            assertThat(noToken.status).as(noToken.output).isEqualTo(Main.ERROR);
            assertThat(noToken.output).contains("HTTP 401").contains(RpcSettings.AUTHORIZATION_ENV);

            Result wrongCa = cli(Map.of(RpcSettings.AUTHORIZATION_ENV, "Bearer " + token,
                    RpcSettings.TRUST_STORE_ENV, otherCa.toString()), args);
            assertThat(wrongCa.status).as(wrongCa.output).isEqualTo(Main.ERROR);
            assertThat(wrongCa.output).contains("TLS with").doesNotContain(token);
        } finally {
            proxy.stop(0);
        }
    }

    /**
     * Issue 13 A3-A7 live: lies the verifier used to accept, told by a proxy in front of anvil. Each must make
     * {@code range} exit 1 naming the right block and reason (and count the blocks verified before it), members no
     * root commits to must not reach the transcript, a genuine run through the same proxy must exit 0, and
     * {@code transcript --rpc} must confirm the anchor with the genuine node and refuse a node serving another
     * genesis.
     */
    @Test
    void liesOnceAcceptedAreRejectedAtTheirBlock() throws Exception {
        String url = startAnvil("prague");
        long head = populate(url, true);
        long tx = head - 3;
        String checkpoint = blockHash(url, 0);
        String slot = "0x" + "00".repeat(32);
        String block = "eth_getBlockByNumber";

        Result genuine = lie(url, head, checkpoint, slot, block, -1, answer -> { });
        assertThat(genuine.status).as(genuine.output).isEqualTo(Main.VERIFIED);
        for (String[] change : List.of(new String[] {"value", "0x7"}, new String[] {"to", ACCOUNT_1},
                new String[] {"input", "0x00"})) {
            assertLie(url, head, checkpoint, slot, "MALFORMED_FIELD", tx, block, tx, answer -> {
                Map<String, Object> b = Json.object(answer);
                Json.object(((List<?>) b.get("transactions")).get(0)).put(change[0], change[1]);
                List<Object> txs = new ArrayList<>((List<?>) b.get("transactions"));
                txs.add(null);
                b.put("transactions", txs);
            });
        }
        assertLie(url, head, checkpoint, slot, "MALFORMED_FIELD", tx, block, tx,
                answer -> ((List<Object>) Json.object(answer).get("transactions")).replaceAll(t -> null));
        assertLie(url, head, checkpoint, slot, "MALFORMED_FIELD", tx, block, tx, answer ->
                ((List<Object>) Json.object(answer).get("transactions")).replaceAll(t -> "0x" + "ab".repeat(32)));
        assertLie(url, head, checkpoint, slot, "TRANSACTIONS_ROOT_MISMATCH", tx, block, tx,
                answer -> ((List<Object>) Json.object(answer).get("transactions")).clear());
        Result withheld = lie(url, head, checkpoint, slot, block, tx,
                answer -> Json.object(answer).remove("transactions"));
        assertThat(withheld.status).as(withheld.output).isEqualTo(Main.REJECTED);
        assertThat(withheld.output).contains("1 blocks header only").contains("FAILED: EVIDENCE_MISSING");
        assertLie(url, head, checkpoint, slot, "PROOF_ADDRESS_MISMATCH", head, "eth_getProof", head, answer -> {
            Object other;
            try {
                other = rpc(url, "eth_getProof", List.of(ACCOUNT_2, List.of(slot), "0x" + Long.toHexString(head)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Json.object(answer).clear();
            Json.object(answer).putAll(Json.object(other));
        });
        assertLie(url, head, checkpoint, slot, "STORAGE_KEYS_MISMATCH", head, "eth_getProof", head,
                answer -> ((List<?>) Json.object(answer).get("storageProof")).clear());
        assertLie(url, head, checkpoint, slot, "STORAGE_KEYS_MISMATCH", head, "eth_getProof", head,
                answer -> Json.object(answer).remove("storageProof"));
        assertLie(url, head, checkpoint, slot, "DERIVED_FIELD_MISMATCH", tx, "eth_getBlockReceipts", tx,
                answer -> Json.object(((List<?>) answer).get(1)).put("gasUsed", "0x5208"));
        assertLie(url, head, checkpoint, slot, "DERIVED_FIELD_MISMATCH", tx, "eth_getBlockReceipts", tx,
                answer -> Json.object(((List<?>) answer).get(0)).put("transactionIndex", "0x3"));
        assertLie(url, head, checkpoint, slot, "DERIVED_FIELD_MISMATCH", tx, "eth_getBlockReceipts", tx, answer -> {
            for (Object receipt : (List<?>) answer) {
                for (Object log : (List<?>) Json.object(receipt).get("logs")) {
                    Json.object(log).put("removed", true);
                }
            }
        });
        assertLie(url, head, checkpoint, slot, "NUMBER_GAP", head - 1, block, head - 1,
                answer -> Json.object(answer).put("number", "0x" + Long.toHexString(head - 14)));
        assertLie(url, head, checkpoint, slot, "NUMBER_GAP", head - 1, block, head - 1, answer -> {
            Object previous;
            try {
                previous = rpc(url, block, List.of("0x" + Long.toHexString(head - 2), true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Json.object(answer).clear();
            Json.object(answer).putAll(Json.object(previous));
        });

        Path transcript = temp.resolve("unproven.json");
        Result unproven = lie(url, head, checkpoint, slot, "eth_getBlockReceipts", tx, answer ->
                Json.object(((List<?>) answer).get(3)).put("contractAddress", ACCOUNT_2), "--transcript",
                transcript.toString());
        assertThat(unproven.status).as(unproven.output).isEqualTo(Main.VERIFIED);
        String written = Files.readString(transcript);
        assertThat(written).doesNotContain("\"contractAddress\"").doesNotContain("\"from\"")
                .contains("\"storageKeys\"");
        assertThat(unproven.output).doesNotContain("unproven, not verified");

        Result confirmed = cli("transcript", transcript.toString(), "--rpc", url);
        assertThat(confirmed.status).as(confirmed.output).isEqualTo(Main.VERIFIED);
        assertThat(confirmed.output).contains("anchor CONFIRMED: the node at " + url);
        HttpServer other = tamperingProxy(url, block, 0, answer -> Json.object(answer).put("extraData", "0x01"));
        try {
            Result refused = cli("transcript", transcript.toString(), "--rpc",
                    "http://127.0.0.1:" + other.getAddress().getPort() + "/");
            assertThat(refused.status).as(refused.output).isEqualTo(Main.REJECTED);
            assertThat(refused.output).contains("FAILED anchor").contains("HASH_MISMATCH");
        } finally {
            other.stop(0);
        }
    }

    private void assertLie(String anvilUrl, long head, String checkpoint, String slot, String reason, long block,
                           String method, long target, Consumer<Object> tamper) throws Exception {
        Result result = lie(anvilUrl, head, checkpoint, slot, method, target, tamper);
        assertThat(result.status).as(result.output).isEqualTo(Main.REJECTED);
        assertThat(result.output).as(result.output).contains("FAILED at block " + block + ",").contains(reason)
                .contains("verified before the failure: " + (method.equals("eth_getProof") ? head + 1 : block)
                        + " blocks");
    }

    private Result lie(String anvilUrl, long head, String checkpoint, String slot, String method, long target,
                       Consumer<Object> tamper, String... extra) throws Exception {
        HttpServer proxy = tamperingProxy(anvilUrl, method, target, tamper);
        try {
            List<String> args = new ArrayList<>(List.of("range", "--rpc",
                    "http://127.0.0.1:" + proxy.getAddress().getPort() + "/", "--from", "0", "--to",
                    Long.toString(head), "--checkpoint", checkpoint, "--consensus", "dev", "--batch", "2",
                    "--proof", ACCOUNT_0 + ":" + slot));
            args.addAll(List.of(extra));
            return cli(args.toArray(new String[0]));
        } finally {
            proxy.stop(0);
        }
    }

    private void assertRejected(String anvilUrl, long head, String checkpoint, String reason, long block,
                                Consumer<Object> tamper, String method, long target) throws Exception {
        HttpServer proxy = tamperingProxy(anvilUrl, method, target, tamper);
        try {
            String url = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/";
            Result result = cli("range", "--rpc", url, "--from", "0", "--to", Long.toString(head), "--checkpoint",
                    checkpoint, "--consensus", "dev", "--proof", ACCOUNT_0);
            assertThat(result.status).as(result.output).isEqualTo(Main.REJECTED);
            assertThat(result.output).contains("FAILED at block " + block).contains(reason);
        } finally {
            proxy.stop(0);
        }
    }

    /** Forwards to anvil; in batch answers, alters the result of {@code method} for block {@code target}. */
    private static HttpServer tamperingProxy(String anvilUrl, String method, long target, Consumer<Object> tamper)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String answer;
            try {
                answer = post(anvilUrl, new String(body, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Object request = Json.parse(new String(body, StandardCharsets.UTF_8));
            Object response = Json.parse(answer);
            if (request instanceof Map<?, ?> single && response instanceof Map<?, ?> answered) {
                List<?> params = (List<?>) single.get("params");
                if (single.get("method").equals(method) && params.get(0).equals("0x" + Long.toHexString(target))) {
                    tamper.accept(answered.get("result"));
                }
            }
            if (request instanceof List<?> calls && response instanceof List<?> results) {
                for (Object call : calls) {
                    Map<String, Object> c = Json.object(call);
                    List<?> params = (List<?>) c.get("params");
                    String block = "0x" + Long.toHexString(target);
                    boolean hit = c.get("method").equals(method) && (params.get(0).equals(block)
                            || (method.equals("eth_getProof") && params.get(2).equals(block)));
                    if (hit) {
                        for (Object r : results) {
                            if (Json.object(r).get("id").equals(c.get("id"))) {
                                tamper.accept(Json.object(r).get("result"));
                            }
                        }
                    }
                }
            }
            byte[] out = Json.write(response).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Sends types 0, 1, 2 (and 4), a logging contract creation, mines them into one block, then 3 empty blocks. */
    private static long populate(String url, boolean withType4) throws Exception {
        rpc(url, "evm_setAutomine", List.of(false));
        send(url, Map.of("from", ACCOUNT_0, "to", ACCOUNT_2, "value", "0x1", "gasPrice", "0x77359400"));
        send(url, Map.of("from", ACCOUNT_0, "to", ACCOUNT_2, "value", "0x2", "gasPrice", "0x77359400",
                "accessList", List.of(Map.of("address", ACCOUNT_2, "storageKeys", List.of("0x" + "00".repeat(32))))));
        send(url, Map.of("from", ACCOUNT_0, "to", ACCOUNT_2, "value", "0x3", "maxFeePerGas", "0x77359400",
                "maxPriorityFeePerGas", "0x3b9aca00"));
        send(url, Map.of("from", ACCOUNT_0, "data", LOGGING_INIT_CODE, "gas", "0x30000",
                "maxFeePerGas", "0x77359400", "maxPriorityFeePerGas", "0x3b9aca00"));
        if (withType4) {
            send(url, Map.of("from", ACCOUNT_0, "to", ACCOUNT_1, "value", "0x0", "gas", "0x30000",
                    "maxFeePerGas", "0x77359400", "maxPriorityFeePerGas", "0x3b9aca00",
                    "authorizationList", List.of(authorization(ACCOUNT_2, 0))));
        }
        rpc(url, "evm_mine", List.of());
        rpc(url, "anvil_mine", List.of("0x3"));
        return new BigInteger(((String) rpc(url, "eth_blockNumber", List.of())).substring(2), 16).longValue();
    }

    /** EIP-7702: dev key #1 signs KEC(0x05 || RLP([chainId, address, nonce])). */
    private static Map<String, Object> authorization(String delegate, long nonce) {
        byte[] message = Rlp.encodeList(Rlp.encode(RlpString.ofScalar(CHAIN_ID)),
                Rlp.encodeBytes(Bytes.fromHex(delegate).toArray()), Rlp.encode(RlpString.ofScalar(nonce)));
        byte[] signature = TestKeys.sign(Hashes.keccak256(new byte[] {0x05}, message), KEY_1);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("chainId", "0x" + Integer.toHexString(CHAIN_ID));
        auth.put("address", delegate);
        auth.put("nonce", "0x" + Long.toHexString(nonce));
        auth.put("yParity", "0x" + signature[64]);
        auth.put("r", "0x" + new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32)).toString(16));
        auth.put("s", "0x" + new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64)).toString(16));
        return auth;
    }

    private static void send(String url, Map<String, Object> tx) throws Exception {
        rpc(url, "eth_sendTransaction", List.of(tx));
    }

    private static String blockHash(String url, long number) throws Exception {
        return (String) Json.object(rpc(url, "eth_getBlockByNumber", List.of("0x" + Long.toHexString(number), false)))
                .get("hash");
    }

    /** Test-side JSON-RPC (may write: the CLI's client cannot). */
    private static Object rpc(String url, String method, List<Object> params) throws Exception {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("jsonrpc", "2.0");
        call.put("id", 1);
        call.put("method", method);
        call.put("params", params);
        Map<String, Object> answer = Json.object(Json.parse(post(url, Json.write(call))));
        assertThat(answer.get("error")).as(method + " " + params).isNull();
        return answer.get("result");
    }

    private static String post(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String startAnvil(String hardfork) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(anvil.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--chain-id", Integer.toString(CHAIN_ID), "--silent"));
        if (!hardfork.equals("default")) {
            command.addAll(List.of("--hardfork", hardfork));
        }
        Process node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        NODES.add(node);
        String url = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                rpc(url, "eth_chainId", List.of());
                return url;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !node.isAlive()) {
                    throw new IllegalStateException("anvil did not start on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<byte[]> nodes(Map<String, Object> proof) {
        List<byte[]> out = new ArrayList<>();
        for (Object node : (List<?>) proof.get("accountProof")) {
            out.add(Bytes.fromHex((String) node).toArray());
        }
        return out;
    }

    private record Result(int status, String output) {
    }

    private static Result cli(String... args) {
        return cli(Map.of(), args);
    }

    private static Result cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = Main.run(args, env, out, out);
        return new Result(status, buffer.toString(StandardCharsets.UTF_8));
    }
}
