package org.custos.portal.reports.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.custos.verify.cli.Main;

/**
 * ledger-verifier's {@code transcript FILE --rpc URL} (in this JVM, {@link Main#run}, as the reports module's CLI
 * test calls {@code range}) on the evidence extracted from the report: passes on exit 0 (every check verified and the
 * node serves the same blocks); refuses on exit 1 (a check failed) or when the report carries no evidence. Exit 2
 * (usage, unreadable input, node error, internal error) and 3 (unanchored, impossible with {@code --rpc}) are errors:
 * the evidence was not judged.
 */
final class TranscriptCheck {

    static final String NAME = "ledger-verifier transcript --rpc";

    private final String rpcUrl;

    TranscriptCheck(ConformanceSettings settings) {
        this.rpcUrl = settings.rpcUrl();
    }

    Verdict check(Path pdf) {
        Optional<byte[]> evidence = EmbeddedEvidenceFile.read(pdf);
        if (evidence.isEmpty()) {
            return Verdict.refuse(NAME, "no single embedded evidence.json to re-verify");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("custos-transcript-");
            Path file = Files.write(work.resolve("evidence.json"), evidence.get());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(new String[] {"transcript", file.toString(), "--rpc", rpcUrl},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).trim()
                    .replace('\n', ' ');
            return switch (status) {
                case Main.VERIFIED -> Verdict.pass(NAME, said);
                case Main.REJECTED -> Verdict.refuse(NAME, said);
                default -> throw new IllegalStateException("transcript --rpc " + rpcUrl + " did not judge the "
                        + "evidence of " + pdf + " (exit " + status + "): " + said);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempDirs.delete(work);
        }
    }
}
