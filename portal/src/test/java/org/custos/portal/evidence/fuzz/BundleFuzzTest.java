package org.custos.portal.evidence.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleRejectedException;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.TestBundles;
import org.custos.portal.evidence.fuzz.BundleMutator.Mutant;

/**
 * Fuzzes the upload path's domain (issue 17 item 4): mutated bundles from {@link BundleMutator} go through
 * {@link BundleReader} with the production limits ({@link BundleLimits#defaults()}; every other input on a
 * two-thread parser pool as the portal reads them) and, when read, through {@link BundleVerifier}. Each must end
 * in acceptance or a {@link BundleRejectedException} with a reason and a message, never another exception, within
 * {@value #SECONDS_PER_INPUT} s. The number of inputs is {@code -Dcustos.fuzz.inputs} ({@value
 * FuzzInputs#UNIT_SUITE} in the unit suite; scripts/fuzz.sh runs 10,000); the generator's seeds come from one fixed
 * seed, so a run is repeatable, and a failure names the generator seed that replays it.
 */
class BundleFuzzTest {

    static final int SECONDS_PER_INPUT = 20;
    /** For hunting: {@code -Dcustos.fuzz.keepGoing=true} records unexpected exceptions and goes on. */
    private static final boolean KEEP_GOING = Boolean.getBoolean("custos.fuzz.keepGoing");
    private static final FuzzFigures FIGURES = new FuzzFigures("evidence bundles");
    private static ExecutorService worker;
    private static ExecutorService parsers;

    @BeforeAll
    static void start() throws Exception {
        worker = Executors.newSingleThreadExecutor(r -> daemon(r, "bundle-fuzz"));
        parsers = Executors.newFixedThreadPool(2, r -> daemon(r, "bundle-fuzz-parser"));
        // HAPI FHIR builds its R4 context once per JVM (about a second): not a figure of any input
        try (EvidenceBundle warm = new BundleReader(BundleLimits.defaults()).read(new ByteArrayInputStream(
                TestBundles.valid(2)), BundleMutator.CLINIC, BundleProgress.NONE)) {
            assertThat(warm.entries()).isEqualTo(2);
        }
    }

    @AfterAll
    static void report() {
        FIGURES.report();
        worker.shutdownNow();
        parsers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Test
    void everyMutatedBundleIsAcceptedOrRefusedWithAReason() throws Exception {
        SplittableRandom seeds = new SplittableRandom(FuzzInputs.SEED);
        for (int i = 0; i < FuzzInputs.count(); i++) {
            check(BundleMutator.mutate(seeds.nextLong()));
        }
    }

    private void check(Mutant mutant) throws Exception {
        Future<String> outcome = worker.submit(() -> judge(mutant));
        try {
            outcome.get(SECONDS_PER_INPUT, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError(mutant + " took longer than " + SECONDS_PER_INPUT + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError(mutant + " ended in an unexpected exception (replay: BundleMutator.mutate("
                    + mutant.seed() + "L))", e.getCause());
        }
    }

    /** Reads and verifies one mutant on the worker thread; records its outcome, time and allocation. */
    private String judge(Mutant mutant) {
        BundleReader reader = (mutant.seed() & 1) == 0 ? new BundleReader(BundleLimits.defaults())
                : new BundleReader(BundleLimits.defaults(), parsers);
        long allocated = FuzzFigures.allocated();
        long start = System.nanoTime();
        String outcome;
        try (EvidenceBundle bundle = reader.read(new ByteArrayInputStream(mutant.zip()), BundleMutator.CLINIC,
                BundleProgress.NONE)) {
            BundleVerification v = new BundleVerifier().verify(bundle, mutant.events());
            outcome = "ACCEPTED (log " + (v.malformedLog() ? "not as anchored)" : "as anchored)");
        } catch (BundleRejectedException e) {
            assertThat(e.reason()).as("reason of %s", mutant).isNotNull();
            assertThat(e.getMessage()).as("message of %s", mutant).isNotBlank();
            outcome = "REFUSED " + e.reason();
        } catch (RuntimeException | Error e) {
            StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            FIGURES.record(mutant.kind().name(), "UNEXPECTED " + e.getClass().getSimpleName() + " at " + at,
                    System.nanoTime() - start, FuzzFigures.allocated() - allocated, mutant.toString());
            if (!KEEP_GOING) {
                throw e;
            }
            e.printStackTrace();
            return "UNEXPECTED";
        }
        long nanos = System.nanoTime() - start;
        FIGURES.record(mutant.kind().name(), outcome, nanos, FuzzFigures.allocated() - allocated, mutant.toString());
        return outcome;
    }
}
