package org.custos.reports.verify.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.custos.reports.testing.FuzzFigures;
import org.custos.reports.testing.FuzzInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.CrlFiles;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.LocalTsa;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.custos.reports.verify.ReportVerificationResult;
import org.custos.reports.verify.SignedReportVerifier;
import org.custos.reports.verify.fuzz.PdfMutator.Mutant;

/**
 * Fuzzes {@link SignedReportVerifier} (issue 17 item 4): mutated copies ({@link PdfMutator}) of a B-B, a B-T and
 * a B-LT signed report must each end in a verdict: a rejection with a reason code, never an exception, within
 * {@value #SECONDS_PER_INPUT} s; and no file that differs from a signed one by any byte verifies. The number of
 * inputs is {@code -Dcustos.fuzz.inputs} ({@value FuzzInputs#UNIT_SUITE} in the unit suite; scripts/fuzz.sh runs
 * 10,000); the generator's seeds come from one fixed seed and a failure names the generator seed that replays it.
 */
class ReportFuzzTest {

    static final int SECONDS_PER_INPUT = 20;
    /** For hunting: {@code -Dcustos.fuzz.keepGoing=true} records unexpected exceptions and goes on. */
    private static final boolean KEEP_GOING = Boolean.getBoolean("custos.fuzz.keepGoing");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final FuzzFigures FIGURES = new FuzzFigures("signed reports");
    private static List<byte[]> bases;
    private static SignedReportVerifier verifier;
    private static ExecutorService worker;

    @BeforeAll
    static void sign() throws Exception {
        TestPki pki = TestPki.create(NOW, "Fuzz");
        byte[] unsigned = new ReportRenderer(CLOCK).render(SampleReports.consortiumIntegrity());
        try (LocalTsa tsa = new LocalTsa(pki, CLOCK)) {
            HttpTimestampClient stamps = new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10));
            bases = List.of(new PadesSigner(pki.credentials(), CLOCK, null).sign(unsigned, "r", "l"),
                    new PadesSigner(pki.credentials(), CLOCK, stamps).sign(unsigned, "r", "l"),
                    new PadesSigner(pki.credentials(), CLOCK, stamps, CrlFiles.of(List.of(pki.crl)))
                            .sign(unsigned, "r", "l"));
        }
        verifier = new SignedReportVerifier(List.of(pki.ca), CLOCK);
        for (byte[] base : bases) {
            assertThat(verifier.verify(base).verified()).as("the unmutated base verifies").isTrue();
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "report-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void report() {
        FIGURES.report();
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    @Test
    void everyMutatedReportEndsInAVerdictWithAReason() throws Exception {
        SplittableRandom seeds = new SplittableRandom(FuzzInputs.SEED);
        for (int i = 0; i < FuzzInputs.count(); i++) {
            check(PdfMutator.mutate(seeds.nextLong(), bases));
        }
    }

    private void check(Mutant mutant) throws Exception {
        Future<ReportVerificationResult> verdict = worker.submit(() -> judge(mutant));
        ReportVerificationResult result;
        try {
            result = verdict.get(SECONDS_PER_INPUT, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            verdict.cancel(true);
            throw new AssertionError(mutant + " took longer than " + SECONDS_PER_INPUT + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError(mutant + " ended in an unexpected exception (replay: PdfMutator.mutate("
                    + mutant.seed() + "L, bases))", e.getCause());
        }
        if (result == null) {
            return;
        }
        if (result.verified()) {
            assertThat(sameUpToContentsCase(mutant.pdf(), bases.get(mutant.base())))
                    .as("%s verified though it differs from the signed file", mutant).isTrue();
        } else {
            assertThat(result.reason()).as("reason of %s", mutant).isNotNull();
        }
    }

    /**
     * The same file, or the same but for the letter case of the {@code /Contents} hex digits: docs/reports.md
     * (check 2) accepts the gap's hex in either case as long as it is one case, so an all-lower-case copy of the
     * signer's upper-case gap carries the same CMS and verifies. Anything else that verifies is a defect.
     */
    static boolean sameUpToContentsCase(byte[] pdf, byte[] base) {
        if (pdf.length != base.length) {
            return false;
        }
        int[] range = PdfMutator.byteRange(base);
        for (int i = 0; i < pdf.length; i++) {
            if (pdf[i] != base[i] && (i <= range[1] || i >= range[2] - 1
                    || Character.toLowerCase(pdf[i]) != Character.toLowerCase(base[i]))) {
                return false;
            }
        }
        return true;
    }

    private ReportVerificationResult judge(Mutant mutant) {
        long allocated = FuzzFigures.allocated();
        long start = System.nanoTime();
        try {
            ReportVerificationResult result = verifier.verify(mutant.pdf());
            byte[] base = bases.get(mutant.base());
            String outcome = !result.verified() ? "REJECTED " + result.reason()
                    : Arrays.equals(mutant.pdf(), base) ? "VERIFIED (unchanged)"
                    : sameUpToContentsCase(mutant.pdf(), base) ? "VERIFIED (/Contents hex in the other case)"
                    : "VERIFIED (CHANGED: a defect)";
            FIGURES.record(mutant.kind().name(), outcome, System.nanoTime() - start,
                    FuzzFigures.allocated() - allocated, mutant.toString());
            return result;
        } catch (RuntimeException | Error e) {
            StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            FIGURES.record(mutant.kind().name(), "UNEXPECTED " + e.getClass().getSimpleName() + " at " + at,
                    System.nanoTime() - start, FuzzFigures.allocated() - allocated, mutant.toString());
            if (!KEEP_GOING) {
                throw e;
            }
            System.err.println(mutant);
            e.printStackTrace();
            return null;
        }
    }
}
