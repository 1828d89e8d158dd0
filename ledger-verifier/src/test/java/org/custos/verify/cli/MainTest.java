package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses of the command line without a node: a transcript file of the real Cancun block 21925176. */
class MainTest {

    @TempDir
    Path temp;

    @Test
    void transcriptCommandExitStatuses() throws Exception {
        Map<String, Object> block = Json.object(org.custos.verify.testing.Json.resource(
                "vectors/ethereum-blocks/mainnet-21925176-cancun/block.json"));
        block.remove("transactions");   // hashes only in the vector: header only
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("version", "custos-evidence/1");
        transcript.put("chain", Map.of("consensus", "dev", "validators", List.of(),
                "checkpoint", Map.of("number", block.get("number"), "hash", block.get("hash"))));
        transcript.put("blocks", List.of(Map.of("block", block)));
        Path good = temp.resolve("good.json");
        Files.writeString(good, Json.write(transcript));
        assertThat(run("transcript", good.toString(), "--checkpoint", (String) block.get("hash")))
                .isEqualTo(Main.VERIFIED);

        block.put("gasLimit", "0x1");
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, Json.write(transcript));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"transcript", bad.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isEqualTo(Main.REJECTED);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("FAILED at block 21925176, check chain")
                .contains("HASH_MISMATCH");

        Files.writeString(bad, "[]");
        assertThat(run("transcript", bad.toString())).isEqualTo(Main.ERROR);
        assertThat(run("transcript", temp.resolve("missing.json").toString())).isEqualTo(Main.ERROR);
        assertThat(run()).isEqualTo(Main.ERROR);
        assertThat(run("range", "--rpc", "http://127.0.0.1:1", "--from", "0")).isEqualTo(Main.ERROR);
        assertThat(run("range", "--rpc", "http://127.0.0.1:1", "--from", "0", "--to", "1", "--checkpoint",
                "0x" + "00".repeat(32), "--consensus", "pow")).isEqualTo(Main.ERROR);
    }

    private static int run(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.run(args, sink, sink);
    }
}
