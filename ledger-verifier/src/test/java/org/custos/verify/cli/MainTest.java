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
import org.custos.verify.testing.TranscriptMutations;
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

    /**
     * Issue 13 A6: a transcript of the demo chain rewritten from block 5 on, every hash recomputed and its
     * checkpoint set to the new hash, is self-consistent: without --checkpoint it exits 3 (anchor not confirmed)
     * and prints the checkpoint it anchors itself to; against the real block 5 hash it exits 1.
     */
    @Test
    void aSelfAnchoredTranscriptIsNeverReportedAsAnchored() throws Exception {
        Map<String, Object> valid = org.custos.verify.evidence.DemoChainTranscriptFixture.transcript();
        String real = (String) Json.object(Json.object(((List<?>) valid.get("blocks")).get(5)).get("block"))
                .get("hash");
        Map<String, Object> rewritten = TranscriptMutations.rewrittenAndReanchored(valid, 5);
        String forged = (String) Json.object(Json.object(rewritten.get("chain")).get("checkpoint")).get("hash");
        Path file = temp.resolve("rewritten.json");
        Files.writeString(file, Json.write(rewritten));

        Output unanchored = output("transcript", file.toString());
        assertThat(unanchored.status()).as(unanchored.text()).isEqualTo(Main.UNANCHORED);
        assertThat(unanchored.text()).contains("anchored to: checkpoint block 5 " + forged)
                .contains("self-consistent, anchor not confirmed").doesNotContain("anchor CONFIRMED");

        Output pinned = output("transcript", file.toString(), "--checkpoint", real);
        assertThat(pinned.status()).as(pinned.text()).isEqualTo(Main.REJECTED);
        assertThat(pinned.text()).contains("FAILED anchor: CHECKPOINT_MISMATCH").contains("expected: " + real)
                .contains("actual:   " + forged);

        Path genuine = temp.resolve("genuine.json");
        Files.writeString(genuine, Json.write(valid));
        Output confirmed = output("transcript", genuine.toString(), "--checkpoint",
                org.custos.verify.evidence.DemoChainTranscriptFixture.GENESIS);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(Main.VERIFIED);
        assertThat(confirmed.text()).contains("anchor CONFIRMED: equal to --checkpoint").contains("VERIFIED 10 blocks");
        assertThat(output("transcript", genuine.toString(), "--checkpoint", "0x12").status()).isEqualTo(Main.ERROR);
        assertThat(output("transcript", genuine.toString(), "--bogus", "1").status()).isEqualTo(Main.ERROR);
    }

    private record Output(int status, String text) {
    }

    private static Output output(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = Main.run(args, out, out);
        return new Output(status, buffer.toString(StandardCharsets.UTF_8));
    }

    private static int run(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.run(args, sink, sink);
    }
}
