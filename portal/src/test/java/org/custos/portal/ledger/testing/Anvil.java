package org.custos.portal.ledger.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real anvil (from node_modules, path in the system property {@code anvil.binary}) on a free port, London rules,
 * chain id 4242, genesis time 2024-12-01 (the simulator moves time forward from there), optionally loaded from a
 * state file. Tests use {@link #rpc} only to build and change the chain; the portal code under test reads it.
 */
public final class Anvil implements AutoCloseable {

    public static final long CHAIN_ID = 4242;
    public static final long GENESIS_TIMESTAMP = 1_733_011_200L;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private Anvil(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The anvil process's id (the sync benchmark reads its CPU time from /proc). */
    public long pid() {
        return process.pid();
    }

    public static Anvil start(Path loadState) throws IOException, InterruptedException {
        return start(freePort(), loadState);
    }

    public static Anvil start(int port, Path loadState) throws IOException, InterruptedException {
        return start(port, loadState, true);
    }

    /**
     * A fresh node for mining long chains (the sync benchmark): {@code --max-persisted-states 0}, so that anvil
     * does not write every old block's state to ~/.foundry/anvil/tmp (about 1.3 MB per block: a 30,000-block chain
     * filled the disk with tens of GB that a killed anvil never removes).
     */
    public static Anvil startForMining() throws IOException, InterruptedException {
        return start(freePort(), null, true, "--max-persisted-states", "0");
    }

    /** A node loaded from a fixture's state dump, with the fixture's own flags only (London, chain id 4242). */
    public static Anvil startFixture(Path loadState) throws IOException, InterruptedException {
        return start(freePort(), loadState, false);
    }

    /** As {@link #startFixture(Path)}, with more anvil options (e.g. {@code --max-persisted-states 0}). */
    public static Anvil startFixture(Path loadState, String... options) throws IOException, InterruptedException {
        return start(freePort(), loadState, false, options);
    }

    private static Anvil start(int port, Path loadState, boolean genesisTime, String... extra) throws IOException,
            InterruptedException {
        String binary = System.getProperty("anvil.binary");
        if (binary == null || !Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("anvil binary missing (system property anvil.binary = " + binary
                    + "): run `npm ci` in the repository root");
        }
        List<String> command = new ArrayList<>(List.of(binary, "--hardfork", "london", "--chain-id",
                Long.toString(CHAIN_ID), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        if (genesisTime) {
            command.add("--timestamp");
            command.add(Long.toString(GENESIS_TIMESTAMP));
        }
        command.addAll(List.of(extra));
        if (loadState != null) {
            command.add("--load-state");
            command.add(loadState.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Anvil anvil = new Anvil(process, port);
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                if (anvil.rpc("eth_chainId", "[]").contains("0x1092")) {
                    return anvil;
                }
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    anvil.close();
                    throw new IllegalStateException("anvil did not start on port " + port, notYet);
                }
            }
            Thread.sleep(50);   // bounded poll on the node's readiness (deadline above)
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A raw JSON-RPC call by the test (writes included: the test builds the chain); returns the whole answer. */
    public String rpc(String method, String paramsJson) throws IOException, InterruptedException {
        return rpc(method, paramsJson, Duration.ofSeconds(60));
    }

    public String rpc(String method, String paramsJson, Duration timeout) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.body().contains("\"error\"")) {
            throw new IOException(method + ": " + response.body());
        }
        return response.body();
    }

    /** Kills the node without any shutdown (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
