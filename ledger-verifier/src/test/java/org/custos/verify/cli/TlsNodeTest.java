package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.custos.verify.testing.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code range} over {@code https://} against a node that demands {@code Authorization: Bearer <token>} (an
 * in-memory node serving the real Shanghai block 17034870 (full transactions); the CA and server certificate are made by BouncyCastle
 * at test time): with the pinned CA and the token from the environment it verifies; without the token it stops
 * with exit 2 naming HTTP 401; with another CA, or with the JDK's default CAs, with exit 2 naming TLS. The token
 * never appears in any output.
 */
@Timeout(60)
class TlsNodeTest {

    @TempDir
    Path temp;

    private final String token = HexFormat.of().formatHex(randomBytes());
    private TestTls tls;
    private HttpsServer server;
    private VectorNode node;

    @BeforeEach
    void start() throws Exception {
        tls = TestTls.create();
        node = new VectorNode(token);
        server = tls.start(node);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void pinnedCaAndBearerTokenVerify() throws Exception {
        Path pem = tls.writeCaPem(temp.resolve("ca.pem"));
        Result result = range(Map.of(RpcSettings.AUTHORIZATION_ENV, "Bearer " + token), "--trust-store",
                pem.toString());
        assertThat(result.status).as(result.all()).isEqualTo(Main.VERIFIED);
        assertThat(result.out).contains("VERIFIED 1 blocks");
        assertThat(node.lastAuthorization()).isEqualTo("Bearer " + token);
        assertThat(result.all()).doesNotContain(token);
    }

    @Test
    void trustStoreFromTheEnvironmentAsPkcs12WithPassword() throws Exception {
        Path p12 = tls.writeCaPkcs12(temp.resolve("ca.p12"), "store-pass".toCharArray());
        Map<String, String> env = Map.of(RpcSettings.AUTHORIZATION_ENV, "Bearer " + token,
                RpcSettings.TRUST_STORE_ENV, p12.toString(), RpcSettings.TRUST_STORE_PASSWORD_ENV, "store-pass");
        Result result = range(env);
        assertThat(result.status).as(result.all()).isEqualTo(Main.VERIFIED);
        assertThat(result.all()).doesNotContain(token).doesNotContain("store-pass");
    }

    @Test
    void missingOrWrongTokenIsAnError() throws Exception {
        Path pem = tls.writeCaPem(temp.resolve("ca.pem"));
        Result missing = range(Map.of(), "--trust-store", pem.toString());
        assertThat(missing.status).as(missing.all()).isEqualTo(Main.ERROR);
        assertThat(missing.err).startsWith("node error: HTTP 401").contains(RpcSettings.AUTHORIZATION_ENV);
        assertOneLine(missing);

        Result wrong = range(Map.of(RpcSettings.AUTHORIZATION_ENV, "Bearer not-" + token), "--trust-store",
                pem.toString());
        assertThat(wrong.status).as(wrong.all()).isEqualTo(Main.ERROR);
        assertThat(wrong.err).startsWith("node error: HTTP 401").contains("refused the credentials");
        assertThat(wrong.all()).doesNotContain(token);
        assertOneLine(wrong);
    }

    @Test
    void anotherCaOrTheDefaultCasAreRefused() throws Exception {
        Path otherCa = TestTls.create().writeCaPem(temp.resolve("other-ca.pem"));
        Map<String, String> env = Map.of(RpcSettings.AUTHORIZATION_ENV, "Bearer " + token);
        Result other = range(env, "--trust-store", otherCa.toString());
        assertThat(other.status).as(other.all()).isEqualTo(Main.ERROR);
        assertThat(other.err).startsWith("node error: TLS with https://127.0.0.1:").contains("--trust-store");
        assertOneLine(other);
        assertThat(node.lastAuthorization()).as("no request reached the node").isNull();

        Result defaults = range(env);
        assertThat(defaults.status).as(defaults.all()).isEqualTo(Main.ERROR);
        assertThat(defaults.err).startsWith("node error: TLS with");
        assertThat(defaults.all()).doesNotContain(token);
    }

    @Test
    void unusableTrustStoresAndCredentialsAreUsageErrors() throws Exception {
        Result missing = range(Map.of(), "--trust-store", temp.resolve("absent.pem").toString());
        assertThat(missing.status).isEqualTo(Main.ERROR);
        assertThat(missing.err).startsWith("error: trust store");
        Path empty = java.nio.file.Files.writeString(temp.resolve("empty.pem"), "not a certificate");
        assertThat(range(Map.of(), "--trust-store", empty.toString()).err).startsWith("error: trust store");

        assertThatThrownBy(() -> new JsonRpcClient(URI.create("http://node.example.org:8545"),
                RpcSettings.defaults().withAuthorization("Bearer " + token)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clear text")
                .hasMessageNotContaining(token);
        assertThatThrownBy(() -> RpcSettings.defaults().withAuthorization("Bearer x\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Injected");
        assertThat(RpcSettings.defaults().withAuthorization("Bearer " + token).toString()).doesNotContain(token);
    }

    private Result range(Map<String, String> env, String... extra) {
        String[] base = {"range", "--rpc", "https://127.0.0.1:" + server.getAddress().getPort() + "/", "--from",
            Long.toString(VectorNode.BLOCK), "--to", Long.toString(VectorNode.BLOCK), "--checkpoint",
            VectorNode.hash(), "--consensus", "dev", "--timeout", "10"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new HashMap<>(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLine(Result result) {
        assertThat(result.err.strip()).as(result.err).doesNotContain("\n").doesNotContain("\tat ");
        assertThat(result.out).doesNotContain("VERIFIED").doesNotContain("FAILED");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private record Result(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
