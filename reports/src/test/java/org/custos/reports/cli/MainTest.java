package org.custos.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses of {@code verify-report} without a node (the anvil run is VerifyReportCliIT). */
class MainTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitStatusesFollowTheVerdict() throws IOException {
        TestPki pki = TestPki.create(NOW, "Cli");
        byte[] signed = new PadesSigner(pki.credentials(), CLOCK, null)
                .sign(new ReportRenderer(CLOCK).render(SampleReports.erasureCertificate()), "r", "l");
        Path report = Files.write(temp.resolve("report.pdf"), signed);
        Path ca = Files.writeString(temp.resolve("ca.pem"), TestPki.pem(pki.ca));
        Path other = Files.writeString(temp.resolve("other.pem"), TestPki.pem(TestPki.create(NOW, "Other").ca));

        Run ok = run("verify-report", report.toString(), "--trust", ca.toString());
        assertThat(ok.status).as(ok.out + ok.err).isEqualTo(Main.VERIFIED);
        assertThat(ok.out).contains("VERIFIED PAdES-B-B").contains("no --rpc");
        // issue 13 A6: the anchor the signature covers is shown, for comparison with the reader's own pin
        assertThat(ok.out).contains("evidence anchored to: checkpoint block 10000 " + SampleReports.CHECKPOINT
                + " (qbft) (covered by the signature");

        Run untrusted = run("verify-report", report.toString(), "--trust", other.toString());
        assertThat(untrusted.status).isEqualTo(Main.REJECTED);
        assertThat(untrusted.out).contains("REJECTED CERTIFICATE_UNTRUSTED");

        byte[] appended = (new String(signed, StandardCharsets.ISO_8859_1) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Path longer = Files.write(temp.resolve("appended.pdf"), appended);
        Run notWhole = run("verify-report", longer.toString(), "--trust", ca.toString());
        assertThat(notWhole.status).isEqualTo(Main.REJECTED);
        assertThat(notWhole.out).contains("NOT_WHOLE_FILE");

        // sample evidence has no blocks: with --rpc it cannot be re-verified, so the report is rejected
        Run noBlocks = run("verify-report", report.toString(), "--trust", ca.toString(), "--rpc",
                "http://127.0.0.1:9");
        assertThat(noBlocks.status).as(noBlocks.out + noBlocks.err).isEqualTo(Main.REJECTED);
        assertThat(noBlocks.out).contains("evidence: REJECTED");
    }

    @Test
    void usageErrorsAndUnreadableFilesAreStatusTwo() throws IOException {
        Path ca = Files.writeString(temp.resolve("ca.pem"), TestPki.pem(TestPki.create(NOW, "Cli").ca));
        assertThat(run().status).isEqualTo(Main.ERROR);
        assertThat(run("verify-report", "x.pdf").status).isEqualTo(Main.ERROR);
        assertThat(run("verify-report", "x.pdf", "--trust").status).isEqualTo(Main.ERROR);
        assertThat(run("verify-report", "x.pdf", "--bogus", "1", "--trust", ca.toString()).status)
                .isEqualTo(Main.ERROR);
        Run missing = run("verify-report", temp.resolve("missing.pdf").toString(), "--trust", ca.toString());
        assertThat(missing.status).isEqualTo(Main.ERROR);
        assertThat(missing.err).contains("I/O error");
        Path notPem = Files.writeString(temp.resolve("not.pem"), "hello");
        assertThat(run("verify-report", "x.pdf", "--trust", notPem.toString()).status).isEqualTo(Main.ERROR);
    }
}
