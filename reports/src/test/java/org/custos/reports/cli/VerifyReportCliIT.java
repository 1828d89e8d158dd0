package org.custos.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custos.reports.model.Evidence;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.LocalTsa;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.custos.verify.cli.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with a real anvil node: ledger-verifier's {@code range} command writes a custos-evidence/1 transcript
 * of the node's chain, a clinic audit report embeds it and is signed (B-T, local TSA), and the packaged command
 * line ({@code java -jar target/reports-…-cli.jar verify-report FILE --trust CA.pem --rpc URL}) accepts it (exit
 * 0). A second anvil (another chain), one changed byte and an appended byte are each rejected (exit 1).
 */
class VerifyReportCliIT {

    private static final List<Process> NODES = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static Path anvil;

    @TempDir
    Path temp;

    @BeforeAll
    static void findAnvil() {
        String property = System.getProperty("anvil.binary");
        assertThat(property).as("system property anvil.binary (set by failsafe in reports/pom.xml)").isNotBlank();
        anvil = Path.of(property);
        assertThat(Files.isExecutable(anvil)).as("anvil missing at " + anvil
                + ": run `npm ci` in the repository root (scripts/lib/install.sh does it)").isTrue();
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (Process node : NODES) {
            node.destroy();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor();
            }
            assertThat(node.isAlive()).isFalse();
        }
    }

    @Test
    void aReportWithRealEvidenceVerifiesAgainstTheNodeAndNothingElse() throws Exception {
        String url = startAnvil(31337);
        rpc(url, "eth_sendTransaction", List.of(Map.of("from", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
                "to", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "value", "0x1")));
        rpc(url, "anvil_mine", List.of("0x3"));
        long head = new BigInteger(((String) rpc(url, "eth_blockNumber", List.of())).substring(2), 16).longValue();
        String checkpoint = (String) Json.object(rpc(url, "eth_getBlockByNumber", List.of("0x0", false))).get("hash");

        Path transcript = temp.resolve("evidence.json");
        ByteArrayOutputStream rangeOut = new ByteArrayOutputStream();
        int range = org.custos.verify.cli.Main.run(new String[] {"range", "--rpc", url, "--from", "0", "--to",
                Long.toString(head), "--checkpoint", checkpoint, "--consensus", "dev", "--transcript",
                transcript.toString()}, new PrintStream(rangeOut, true, StandardCharsets.UTF_8), System.err);
        assertThat(range).as(rangeOut.toString(StandardCharsets.UTF_8)).isZero();

        TestPki pki = TestPki.create(NOW, "Cli IT");
        Path ca = Files.writeString(temp.resolve("ca.pem"), TestPki.pem(pki.ca));
        byte[] signed;
        try (LocalTsa tsa = new LocalTsa(pki, CLOCK)) {
            byte[] pdf = new ReportRenderer(CLOCK).render(SampleReports.clinicAudit(4,
                    new Evidence(Files.readAllBytes(transcript))));
            signed = new PadesSigner(pki.credentials(), CLOCK,
                    new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10))).sign(pdf, "Audit", "Custos");
        }
        Path report = Files.write(temp.resolve("report.pdf"), signed);

        Result ok = cli("verify-report", report.toString(), "--trust", ca.toString(), "--rpc", url);
        assertThat(ok.status).as(ok.output).isZero();
        assertThat(ok.output).contains("signature: VERIFIED PAdES-B-T")
                .contains("evidence: VERIFIED embedded evidence VERIFIED " + (head + 1) + " blocks")
                .contains("the node serves the same " + (head + 1) + " blocks");

        String otherChain = startAnvil(31337);
        rpc(otherChain, "anvil_mine", List.of("0x4"));
        Result elsewhere = cli("verify-report", report.toString(), "--trust", ca.toString(), "--rpc", otherChain);
        assertThat(elsewhere.status).as(elsewhere.output).isEqualTo(1);
        assertThat(elsewhere.output).contains("signature: VERIFIED").contains("evidence: REJECTED");

        byte[] tampered = signed.clone();
        tampered[new String(signed, StandardCharsets.ISO_8859_1).indexOf("<dc:title>") + 20] ^= 0x01;
        Result changed = cli("verify-report", Files.write(temp.resolve("changed.pdf"), tampered).toString(),
                "--trust", ca.toString(), "--rpc", url);
        assertThat(changed.status).as(changed.output).isEqualTo(1);
        assertThat(changed.output).contains("DIGEST_MISMATCH");

        byte[] longer = java.util.Arrays.copyOf(signed, signed.length + 1);
        longer[signed.length] = '\n';
        Result appended = cli("verify-report", Files.write(temp.resolve("appended.pdf"), longer).toString(),
                "--trust", ca.toString(), "--rpc", url);
        assertThat(appended.status).as(appended.output).isEqualTo(1);
        assertThat(appended.output).contains("NOT_WHOLE_FILE");
    }

    private record Result(int status, String output) {
    }

    /** Runs the packaged jar in a JVM of its own, as a user would. */
    private static Result cli(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("reports.cli.jar"));
        assertThat(jar).as("the packaged command line (mvn package builds it)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String startAnvil(int chainId) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process node = new ProcessBuilder(anvil.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Integer.toString(chainId), "--silent").redirectErrorStream(true)
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

    private static Object rpc(String url, String method, List<Object> params) throws IOException,
            InterruptedException {
        String body = Json.write(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Object> answer = Json.object(Json.parse(response.body()));
        assertThat(answer.get("error")).as(method).isNull();
        return answer.get("result");
    }
}
