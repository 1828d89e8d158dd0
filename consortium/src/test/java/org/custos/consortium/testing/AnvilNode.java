package org.custos.consortium.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** A local anvil node (London rules, chain id 4242) that a test starts and must close. */
public final class AnvilNode implements AutoCloseable {

    public static final long CHAIN_ID = 4242;

    /**
     * Genesis time 2024-12-01T00:00:00Z, before the simulator's start date (2025-01-01), so that the simulator can
     * move block time forward to its simulated dates.
     */
    public static final long GENESIS_TIMESTAMP = 1_733_011_200L;

    /** anvil's default dev keys #0..#3 (public test mnemonic, funded with 10 000 ETH each). */
    public static final String[] DEV_KEYS = {
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    };

    private final Process process;
    private final Web3j web3j;
    private final String url;

    private AnvilNode(Process process, Web3j web3j, String url) {
        this.url = url;
        this.process = process;
        this.web3j = web3j;
    }

    /** The anvil binary named by the system property {@code anvil.binary} (set by failsafe in the POM). */
    public static Path binary() {
        String property = System.getProperty("anvil.binary");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("system property anvil.binary is not set (failsafe, consortium/pom.xml)");
        }
        Path anvil = Path.of(property);
        if (!Files.isExecutable(anvil)) {
            throw new IllegalStateException("anvil binary missing at " + anvil
                    + ": run `npm ci` in the repository root (installs @foundry-rs/anvil)");
        }
        return anvil;
    }

    public static AnvilNode start() throws IOException, InterruptedException {
        return start(List.of("--hardfork", "london", "--chain-id", Long.toString(CHAIN_ID),
                "--timestamp", Long.toString(GENESIS_TIMESTAMP)), Duration.ofSeconds(30));
    }

    /** A node started from an anvil state dump (JSON) with the given flags (a fixture's load flags). */
    public static AnvilNode startFromState(Path state, List<String> flags) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("--load-state", state.toString()));
        return start(args, Duration.ofSeconds(120));
    }

    private static AnvilNode start(List<String> flags, Duration timeout) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port)));
        command.addAll(flags);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port));
        AnvilNode node = new AnvilNode(process, web3j, "http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (web3j.ethChainId().send().getChainId().longValue() == CHAIN_ID) {
                    return node;
                }
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    node.close();
                    throw new IllegalStateException("anvil did not start on port " + port, notYet);
                }
            }
            Thread.sleep(50);
        }
    }

    /** The JSON-RPC endpoint. */
    public String url() {
        return url;
    }

    public Web3j web3j() {
        return web3j;
    }

    @Override
    public void close() throws InterruptedException {
        web3j.shutdown();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
