package org.custos.portal.ledger.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerStore;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.custos.portal.ledger.infrastructure.LedgerNodes;

/**
 * Runs the ledger sync in the background: a {@link ManagedScheduledExecutorService} task with a fixed delay
 * (one run at a time; the engine itself is also serialised). Reads and checks the ledger configuration at
 * startup: a wrong value fails the deployment with the setting named. When no endpoint answers, the next runs
 * back off exponentially (up to one minute); the sync state records since when.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LedgerSyncScheduler {

    private static final Logger LOG = Logger.getLogger(LedgerSyncScheduler.class.getName());
    private static final Duration RUN_BUDGET = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    @Inject
    LedgerConfiguration configuration;

    @Inject
    LedgerNodes nodes;

    @Inject
    LedgerStore store;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    /**
     * Container-managed threads (naming, class loader and security context of the application) for the sync's own
     * pool: {@link LedgerSettings#prefetch()} batches fetched ahead, the one awaited, and a batch being stored, so
     * that fetching, verifying and storing overlap (docs/performance.md "Portal sync"). A pool of its own, not the
     * shared default executor, whose size the application does not control.
     */
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService pool;

    private volatile SyncEngine engine;
    private volatile ScheduledFuture<?> task;
    private volatile Duration backoff = Duration.ZERO;
    private volatile Instant nextAttempt = Instant.MIN;

    @PostConstruct
    void start() {
        LedgerSettings settings = configuration.settings();   // a bad value throws here: deployment fails
        if (!settings.syncEnabled()) {
            LOG.info("ledger sync off: no pinned checkpoint (" + LedgerSettings.CHECKPOINT + ")");
            return;
        }
        // the stored index must come from the same checkpoint: another chain's index fails the deployment here
        store.state(settings.checkpoint(), clock.instant());
        pool = Executors.newFixedThreadPool(SyncEngine.threadsFor(settings), threads);
        engine = new SyncEngine(settings, nodes.nodes(), store, clock, pool);
        LOG.info(() -> "ledger sync on: " + settings.endpoints() + ", checkpoint " + settings.checkpoint().number()
                + ":" + settings.checkpoint().hash() + ", consensus " + settings.consensus());
        task = executor.scheduleWithFixedDelay(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The engine, when the sync is configured. */
    public Optional<SyncEngine> engine() {
        return Optional.ofNullable(engine);
    }

    private void tick() {
        SyncEngine e = engine;
        if (e == null || clock.instant().isBefore(nextAttempt)) {
            return;
        }
        try {
            SyncEngine.RunReport report = e.runOnce(RUN_BUDGET);
            if (report.result() == SyncEngine.RunResult.UNREACHABLE) {
                backoff = backoff.isZero() ? Duration.ofSeconds(2) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                nextAttempt = clock.instant().plus(backoff);
                LOG.warning(() -> "ledger unreachable, next attempt in " + backoff.toSeconds() + " s: "
                        + report.message());
            } else {
                backoff = Duration.ZERO;
                nextAttempt = Instant.MIN;
                if (report.blocks() > 0) {
                    LOG.fine(() -> "ledger sync: " + report);
                }
            }
        } catch (RuntimeException | StackOverflowError ex) {
            // never let the scheduled task die (a task that throws is never run again): the next tick tries again
            LOG.log(Level.SEVERE, "ledger sync run failed", ex);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** For the ledger page: the endpoints as last seen. */
    public List<SyncEngine.EndpointStatus> endpoints() {
        SyncEngine e = engine;
        return e == null ? List.of() : e.endpoints();
    }
}
