package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.evidence.DemoChainTranscriptFixture;
import org.custos.verify.evidence.EvidenceReport;
import org.custos.verify.evidence.TranscriptVerifier;
import org.custos.verify.testing.EvidenceV2;
import org.custos.verify.testing.TranscriptMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming path of {@code transcript FILE} (two passes, one block at a time) gives exactly the verdict of the
 * whole-tree path on every transcript test's mutation (version 1 and 2, valid and lying, malformed), and refuses
 * hostile text (deep nesting, duplicate keys, trailing tokens, an oversized block, a non-object block) as an input
 * error, never a verdict.
 */
class TranscriptFileTest {

    private static final TranscriptVerifier.JsonReader READER = bytes -> Json.parse(bytes, 1 << 20);

    @TempDir
    Path dir;

    record Case(String name, Map<String, Object> transcript) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        out.add(new Case("demo-v1-valid", DemoChainTranscriptFixture.transcript()));
        for (TranscriptMutations.Lie lie : TranscriptMutations.of(DemoChainTranscriptFixture.transcript(), 5, 9)) {
            out.add(new Case("v1 " + lie.name(), lie.transcript()));
        }
        out.add(new Case("demo-v2-valid", EvidenceV2.transcript()));
        for (EvidenceV2.Lie lie : EvidenceV2.lies()) {
            out.add(new Case("v2 " + lie.name(), lie.transcript()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamingAndTreeGiveTheSameVerdict(Case c) throws IOException {
        String text = Json.write(c.transcript());
        Path file = Files.writeString(dir.resolve("t.json"), text);
        Object tree;
        try {
            tree = TranscriptVerifier.verify(Json.object(Json.parse(text)), READER);
        } catch (IllegalArgumentException e) {
            tree = IllegalArgumentException.class;
        }
        Object streamed;
        try (TranscriptFile.Blocks blocks = TranscriptFile.blocks(file)) {
            streamed = TranscriptVerifier.verify(TranscriptFile.members(file), blocks, READER);
        } catch (IllegalArgumentException e) {
            streamed = IllegalArgumentException.class;
        }
        assertThat(streamed).isEqualTo(tree);
        if (tree instanceof EvidenceReport report) {
            assertThat(run(file)).isEqualTo(report.verified() ? Main.UNANCHORED : Main.REJECTED);
        } else {
            assertThat(run(file)).isEqualTo(Main.ERROR);
        }
    }

    @Test
    void deepNestingInsideABlockIsAnInputError() throws IOException {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        Path file = write("{\"version\":\"custos-evidence/1\",\"blocks\":[{\"block\":" + deep + "}]}");
        assertThatThrownBy(() -> TranscriptFile.members(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting");
        assertThat(run(file)).isEqualTo(Main.ERROR);
    }

    @Test
    void duplicateKeysTrailingTokensAndNonObjectsAnywhereAreInputErrors() throws IOException {
        String valid = Json.write(DemoChainTranscriptFixture.transcript());
        List<String> bad = List.of(
                valid.replaceFirst("\"block\":\\{", "\"block\":{\"number\":\"0x0\","),   // duplicate key in a block
                valid + " {}",                                                          // trailing tokens
                valid.replaceFirst("\"blocks\":\\[", "\"blocks\":[1,"),                   // a block that is a number
                valid.replaceFirst("\"blocks\":\\[", "\"blocks\":[null,"),                // a null block
                valid.replaceFirst("\"blocks\":", "\"blockz\":"),                         // no blocks
                valid.replaceFirst("\"blocks\":\\[", "\"blocks\":{\"a\":[").replaceFirst("]}\\s*$", "]}}"),
                "[" + valid + "]",                                                        // not an object
                valid.substring(0, valid.length() / 2));                                  // truncated
        for (String text : bad) {
            Path file = write(text);
            assertThatThrownBy(() -> TranscriptFile.members(file)).as(text.substring(0, 60))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(run(file)).isEqualTo(Main.ERROR);
        }
    }

    @Test
    void anOversizedBlockIsRefusedBeforeItIsHeldWhole() throws IOException {
        Path file = write(Json.write(DemoChainTranscriptFixture.transcript()));
        try (TranscriptFile.Blocks blocks = TranscriptFile.blocks(file, 1024)) {
            assertThatThrownBy(() -> TranscriptVerifier.verify(TranscriptFile.members(file), blocks, READER))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member or block of more than");
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t" + System.nanoTime() + ".json"), text);
    }

    private static int run(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"transcript", file.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("internal error");
        return status;
    }
}
