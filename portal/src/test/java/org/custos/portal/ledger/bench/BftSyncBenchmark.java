package org.custos.portal.ledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.BatchVerifierBftTest;
import org.custos.portal.ledger.testing.BftTestChain;
import org.custos.portal.ledger.testing.TestStore;
import org.custos.verify.consensus.BftVariant;

/**
 * {@code scripts/bench-sync.sh --bft}: what QBFT / IBFT 2.0 seal checking costs the sync, which the anvil benchmark
 * cannot show (anvil makes no BFT blocks). Builds a chain of empty blocks sealed by 4 test validators (every block
 * carries 4 commit seals; quorum 3), served from memory (so the node costs nothing: an upper bound for a real
 * node), and syncs it with the portal's engine into an H2 file database: every seal recovered (native
 * libsecp256k1 when it loads) and checked against the replayed validator set, as docs/verification.md says.
 */
public final class BftSyncBenchmark {

    private BftSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SyncBenchmark.options(args);
        int blocks = Integer.parseInt(options.getOrDefault("blocks", "20000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        BftVariant variant = BftVariant.valueOf(options.getOrDefault("variant", "QBFT"));
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-sync"));
        Files.createDirectories(dir);

        long t = System.nanoTime();
        BftTestChain chain = new BftTestChain(variant, BatchVerifierBftTest.FOUR);
        for (int n = 1; n <= blocks; n++) {
            chain.append(BftTestChain.Spec.of(BatchVerifierBftTest.FOUR)
                    .proposer(BatchVerifierBftTest.FOUR.get(n % 4)));
        }
        System.out.printf("%s chain of %,d blocks, 4 validators, 4 commit seals each, built in %.1f s%n", variant,
                blocks, (System.nanoTime() - t) / 1e9);

        Map<String, String> config = BatchVerifierBftTest.config(variant, chain, BatchVerifierBftTest.FOUR, batch);
        config.put("custos.ledger.epoch-length", "30000");
        LedgerSettings settings = LedgerSettings.from(k -> Optional.ofNullable(config.get(k)));
        // warm-up, untimed, into a scratch database (compiled code in the measured run, as in a running portal)
        run(settings, chain, dir, Duration.ofSeconds(3), "warm-up");
        for (int round = 1; round <= 3; round++) {
            run(settings, chain, dir, Duration.ofHours(1), "round " + round);
        }
    }

    private static void run(LedgerSettings settings, BftTestChain chain, Path dir, Duration budget, String label)
            throws Exception {
        Path db = Files.createTempDirectory(dir, "h2-bft-");
        ExecutorService pool = Executors.newFixedThreadPool(SyncEngine.threadsFor(settings));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        try (TestStore store = new TestStore("jdbc:h2:file:" + db.resolve("custos").toAbsolutePath())) {
            SyncEngine engine = new SyncEngine(settings, List.<LedgerNode>of(chain), store, Clock.systemUTC(), pool);
            long cpu = os.getProcessCpuTime();
            long t = System.nanoTime();
            SyncEngine.RunReport report = engine.runOnce(budget);
            double seconds = (System.nanoTime() - t) / 1e9;
            if (budget.compareTo(Duration.ofMinutes(1)) > 0 && (report.result() != SyncEngine.RunResult.CAUGHT_UP
                    || store.blockCount() != chain.head())) {
                throw new IllegalStateException("the sync did not verify the whole chain: " + report);
            }
            System.out.printf("%s: %,d blocks verified (seals included) and stored in %.1f s: %,.0f blocks/s "
                    + "(verifying %.1f s, storing %.1f s; JVM CPU %.1f s)%n", label, report.blocks(), seconds,
                    report.blocks() / seconds, report.verifying().toMillis() / 1e3,
                    report.storing().toMillis() / 1e3, (os.getProcessCpuTime() - cpu) / 1e9);
        } finally {
            pool.shutdownNow();
            SyncBenchmark.deleteTree(db);
        }
    }
}
