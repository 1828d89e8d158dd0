package org.custos.portal.compliance.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Re-evaluates the on-chain rules in the background as new blocks are verified, so that findings follow the
 * ledger without anyone pressing a button: every {@value #INTERVAL} seconds (default 20; 0 switches it off) it runs
 * {@link ChainEvaluator#reevaluate()}, which does nothing for clinics whose newest verified block did not change.
 * It skips its turn while a bundle upload holds the {@link EvaluationGate}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChainEvaluationScheduler {

    /** Seconds between two checks; 0 switches the background evaluation off. */
    public static final String INTERVAL = "custos.compliance.evaluation-interval";

    private static final Logger LOG = Logger.getLogger(ChainEvaluationScheduler.class.getName());

    @EJB
    ChainEvaluator evaluator;

    @Inject
    EvaluationGate gate;

    @Resource
    ManagedScheduledExecutorService executor;

    private volatile ScheduledFuture<?> task;

    /** Notified after every background run, so that a caller can wait for one instead of polling. */
    private final Object ran = new Object();

    @PostConstruct
    void start() {
        long seconds = ConfigProvider.getConfig().getOptionalValue(INTERVAL, Long.class).orElse(20L);
        if (seconds < 0) {
            throw new IllegalStateException(INTERVAL + " must be 0 (off) or a number of seconds, not " + seconds);
        }
        if (seconds == 0) {
            LOG.info("background evaluation of the on-chain rules off (" + INTERVAL + "=0)");
            return;
        }
        task = executor.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void tick() {
        try {
            Optional<List<String>> done = gate.ifFree(evaluator::reevaluate);
            done.filter(c -> !c.isEmpty()).ifPresent(c -> LOG.info(() -> "on-chain rules re-evaluated for "
                    + c.size() + " clinic(s)"));
        } catch (RuntimeException e) {
            // never let the scheduled task die: the next tick tries again (the failed merge rolled back)
            LOG.log(Level.WARNING, "background evaluation of the on-chain rules failed", e);
        } finally {
            synchronized (ran) {
                ran.notifyAll();
            }
        }
    }

    /**
     * Waits until {@code condition} holds, checking it after each background run, at most {@code timeout};
     * returns whether it holds.
     */
    public boolean awaitRuns(java.time.Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ran) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(ran, left);
            }
            return true;
        }
    }
}
