package org.custos.portal.ledger.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.ledger.domain.BatchVerifier;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerStore;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.verify.ReasonCode;

/**
 * The ledger sync, as a plain class (the container wires it to a scheduler and a JPA store; tests run it
 * directly). One {@link #runOnce} fetches batches from the first reachable endpoint, verifies them
 * ({@link BatchVerifier}), compares their hashes with every other endpoint (split view) and stores each verified
 * batch in one transaction, until it has caught up with the node's head, a check fails (an integrity alert; the
 * sync stops advancing and never stores the failed block), no endpoint answers (recorded with since when), or the
 * time budget is used up. It always resumes from the stored verified head, so a crash at any point loses at most
 * the batch in flight, and a batch is never stored twice.
 *
 * <p>On QBFT and IBFT 2.0 the validator set is replayed across batches; at the first batch of a process it is
 * rebuilt from the last epoch block at or below the verified head ({@link BatchVerifier#replay}).
 *
 * <p>On chains without final blocks (Clique, dev) a block that does not extend the verified head is first taken
 * as a reorganisation: the verified index is rolled back to the last block the node still has, then synced
 * forward again. On final chains (QBFT, IBFT 2.0) it is an integrity alert.
 */
public final class SyncEngine {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());

    /** How a run ended. */
    public enum RunResult { CAUGHT_UP, HALTED, UNREACHABLE, BUDGET_USED }

    /** One run's outcome: from and to which verified height, how many blocks and events it stored. */
    public record RunReport(RunResult result, long fromHeight, long toHeight, long blocks, long events,
                            Duration took, String message, Duration fetching, Duration verifying,
                            Duration storing) {
    }

    /** What the sync last saw of an endpoint (claims: a node's head is not verified). */
    public record EndpointStatus(String endpoint, boolean reachable, Long head, String error,
                                 Instant unreachableSince, Instant checkedAt) {
    }

    private final LedgerSettings settings;
    private final List<LedgerNode> nodes;
    private final LedgerStore store;
    private final Clock clock;
    private final BatchVerifier verifier;
    private final Executor prefetcher;
    /** Guarded by itself, not by the engine: the ledger page reads it while a run holds the engine's lock. */
    private final Map<String, EndpointStatus> endpoints =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile double blocksPerSecond;
    private volatile long targetHead = -1;
    private volatile RunReport lastRun;
    private long fetchNanos;
    private long verifyNanos;
    private final java.util.concurrent.atomic.AtomicLong storeNanos = new java.util.concurrent.atomic.AtomicLong();

    public SyncEngine(LedgerSettings settings, List<LedgerNode> nodes, LedgerStore store, Clock clock) {
        this(settings, nodes, store, clock, Runnable::run);
    }

    /**
     * The threads a pool given to the engine needs so that nothing it submits waits for another of its tasks: the
     * batch awaited, {@link LedgerSettings#prefetch()} batches ahead, and a batch being stored.
     */
    public static int threadsFor(LedgerSettings settings) {
        return settings.prefetch() + 2;
    }

    /**
     * With {@code prefetcher}, the next {@link LedgerSettings#prefetch()} batches are fetched while the current one
     * is verified, and verified batches are stored on it too (the container passes a pool of {@link #threadsFor}
     * managed threads; a direct executor fetches and stores in line). A prefetched batch is an unverified claim like any
     * other: it is verified when its turn comes, and dropped if the run stops or rolls back first.
     */
    public SyncEngine(LedgerSettings settings, List<LedgerNode> nodes, LedgerStore store, Clock clock,
                      Executor prefetcher) {
        if (!settings.syncEnabled()) {
            throw new IllegalArgumentException("the ledger sync is not configured (no pinned checkpoint)");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no ledger endpoint");
        }
        this.settings = settings;
        this.nodes = List.copyOf(nodes);
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = new BatchVerifier(settings);
        this.prefetcher = Objects.requireNonNull(prefetcher, "prefetcher");
    }

    /** A batch being fetched ahead. */
    private record Prefetch(LedgerNode node, long from, int count, CompletableFuture<List<RpcBlock>> blocks) {
    }

    private Prefetch prefetch(LedgerNode node, long from, int count) {
        CompletableFuture<List<RpcBlock>> future = new CompletableFuture<>();
        try {
            prefetcher.execute(() -> {
                try {
                    List<RpcBlock> blocks = node.blocks(from, count);
                    verifier.prepare(blocks);   // e.g. recover BFT seals here, in parallel with the main thread
                    future.complete(blocks);
                } catch (LedgerUnavailableException | RuntimeException | StackOverflowError e) {
                    future.completeExceptionally(e);   // never leave the run waiting for a batch that will not come
                }
            });
        } catch (RuntimeException rejected) {
            future.completeExceptionally(rejected);
        }
        return new Prefetch(node, from, count, future);
    }

    private static List<RpcBlock> await(Prefetch p) throws LedgerUnavailableException {
        try {
            return p.blocks().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LedgerUnavailableException u) {
                throw u;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof StackOverflowError error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Verifies a fetched batch. A node answer so malformed that verifying it throws (e.g. a log that is a string
     * where the verifier reads an object) is the node's failure to answer, not a verdict: the endpoint is marked
     * with the reason and nothing of the batch is stored.
     */
    private BatchVerifier.Outcome verify(LedgerNode source, long height, String hash, List<RpcBlock> fetched)
            throws LedgerUnavailableException {
        try {
            return verifier.verify(height, hash, fetched, clock.instant());
        } catch (RuntimeException e) {
            long last = fetched.get(fetched.size() - 1).number();
            LOG.log(Level.WARNING, "unreadable answer for blocks " + (height + 1) + ".." + last + " from "
                    + source.name(), e);
            throw new LedgerUnavailableException(source.name(), "blocks " + (height + 1) + ".." + last
                    + ": malformed answer, not blocks and receipts the verifier can read (" + e.getClass()
                    .getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Syncs until caught up, halted, unreachable or {@code budget} is used; one run at a time. */
    public synchronized RunReport runOnce(Duration budget) {
        Instant start = clock.instant();
        fetchNanos = 0;
        verifyNanos = 0;
        storeNanos.set(0);
        pendingBlocks.clear();
        pendingEvents.clear();
        SyncState state = store.state(settings.checkpoint(), start);
        long height = state.getVerifiedNumber();
        String hash = state.getVerifiedHash();
        long from = height;
        long blocks = 0;
        long events = 0;
        Map<LedgerNode, Long> heads = heads();
        LedgerNode source = nodes.stream().filter(heads::containsKey).findFirst().orElse(null);
        if (source == null) {
            String error = endpoints.get(nodes.get(0).name()).error();
            store.recordUnreachable(clock.instant(), error);
            return finish(RunResult.UNREACHABLE, from, height, 0, 0, start, "no endpoint answers: " + error);
        }
        if (state.getUnreachableSince() != null) {
            store.recordReachable(clock.instant());
        }
        long head = heads.get(source);
        targetHead = head;
        try {
            if (!settings.consensus().finalBlocks() && head <= height) {
                Optional<Long> ancestor = reorgCheck(source, Math.min(head, height));
                if (ancestor.isEmpty()) {
                    return finish(RunResult.HALTED, from, height, 0, 0, start, "the node's chain does not contain "
                            + "the pinned checkpoint");
                }
                if (ancestor.get() < height) {
                    height = ancestor.get();
                    hash = store.verifiedHash(height).orElseThrow();
                }
            }
            java.util.ArrayDeque<Prefetch> ahead = new java.util.ArrayDeque<>();
            while (head > height) {
                if (Duration.between(start, clock.instant()).compareTo(budget) > 0) {
                    return finish(RunResult.BUDGET_USED, from, height, blocks, events, start, "time budget used");
                }
                int count = (int) Math.min(settings.batchSize(), head - height);
                long t0 = System.nanoTime();
                Prefetch first = ahead.peekFirst();
                if (first == null || first.from() != height + 1 || first.count() != count) {
                    ahead.clear();   // not what is needed now (rolled back, or the node sent a short batch)
                    ahead.add(prefetch(source, height + 1, count));
                }
                Prefetch current = ahead.pollFirst();
                // keep settings.prefetch() batches requested ahead: the node serves them while this one is verified
                long next = ahead.isEmpty() ? current.from() + current.count()
                        : ahead.peekLast().from() + ahead.peekLast().count();
                while (ahead.size() < settings.prefetch() && next <= head) {
                    int n = (int) Math.min(settings.batchSize(), head - next + 1);
                    ahead.add(prefetch(source, next, n));
                    next += n;
                }
                List<RpcBlock> fetched = await(current);
                if (fetched.size() != count) {
                    ahead.clear();
                }
                long t1 = System.nanoTime();
                fetchNanos += t1 - t0;
                if (fetched.isEmpty()) {
                    break;
                }
                if (verifier.needsReplay(height, hash)) {
                    flush();
                    BatchVerifier.Failure replay = replay(source, height, hash);
                    if (replay != null) {
                        IntegrityAlert alert = new IntegrityAlert(replay.block(), replay.check(), replay.reason(),
                                replay.subject(), replay.expected(), replay.actual(), source.name(), null,
                                clock.instant());
                        store.recordAlert(alert, clock.instant());
                        return finish(RunResult.HALTED, from, height, blocks, events, start, alert.toString());
                    }
                    t1 = System.nanoTime();
                }
                BatchVerifier.Outcome outcome = verify(source, height, hash, fetched);
                verifyNanos += System.nanoTime() - t1;
                BatchVerifier.Failure failure = outcome.failure();
                if (failure != null && outcome.blocks().isEmpty() && failure.block() == height + 1
                        && ReasonCode.PARENT_MISMATCH.name().equals(failure.reason())
                        && !settings.consensus().finalBlocks()) {
                    flush();
                    Optional<Long> ancestor = reorgCheck(source, height);
                    if (ancestor.isPresent() && ancestor.get() < height) {
                        height = ancestor.get();
                        hash = store.verifiedHash(height).orElseThrow();
                        continue;
                    }
                    if (ancestor.isEmpty()) {
                        return finish(RunResult.HALTED, from, height, blocks, events, start,
                                "the node's chain does not contain the pinned checkpoint");
                    }
                }
                List<VerifiedBlock> good = outcome.blocks();
                List<VerifiedEvent> goodEvents = outcome.events();
                IntegrityAlert split = splitView(source, good);
                if (split != null) {
                    long at = split.getBlockNumber();
                    good = good.stream().filter(b -> b.getNumber() < at).toList();
                    goodEvents = goodEvents.stream().filter(e -> e.getBlockNumber() < at).toList();
                }
                if (!good.isEmpty()) {
                    // verified batches are stored on the executor while the next ones are fetched and verified here;
                    // batches verified while a store is running are stored together after it committed (one
                    // transaction, its parent check needs the previous one), at most maxPending blocks held
                    if (pendingBlocks.isEmpty()) {
                        pendingParentNumber = height;
                        pendingParentHash = hash;
                    }
                    pendingBlocks.addAll(good);
                    pendingEvents.addAll(goodEvents);
                    if (storing.isDone() || pendingBlocks.size() >= maxPending()) {
                        submitPending();
                    }
                    VerifiedBlock last = good.get(good.size() - 1);
                    height = last.getNumber();
                    hash = last.getHash();
                    blocks += good.size();
                    events += goodEvents.size();
                    rate(blocks, start);
                }
                if (split != null) {
                    flush();
                    store.recordAlert(split, clock.instant());
                    return finish(RunResult.HALTED, from, height, blocks, events, start, split.toString());
                }
                if (failure != null) {
                    flush();
                    IntegrityAlert alert = new IntegrityAlert(failure.block(), failure.check(), failure.reason(),
                            failure.subject(), failure.expected(), failure.actual(), source.name(), null,
                            clock.instant());
                    store.recordAlert(alert, clock.instant());
                    return finish(RunResult.HALTED, from, height, blocks, events, start, alert.toString());
                }
            }
            return finish(RunResult.CAUGHT_UP, from, height, blocks, events, start, "verified up to " + height);
        } catch (LedgerUnavailableException e) {
            flush();
            markUnreachable(e.endpoint(), e.getMessage());
            store.recordUnreachable(clock.instant(), e.getMessage());
            return finish(RunResult.UNREACHABLE, from, height, blocks, events, start, e.getMessage());
        } finally {
            drainQuietly();
        }
    }

    /** The batch being stored (completed when none). */
    private CompletableFuture<Void> storing = CompletableFuture.completedFuture(null);

    private CompletableFuture<Void> store(Runnable write) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        try {
            prefetcher.execute(() -> {
                long t = System.nanoTime();
                try {
                    write.run();
                    future.complete(null);
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                } finally {
                    storeNanos.addAndGet(System.nanoTime() - t);
                }
            });
        } catch (RuntimeException rejected) {
            write.run();   // no executor thread: store in line
            future.complete(null);
        }
        return future;
    }

    /** Verified blocks not handed to the store yet, and the verified block they extend. */
    private final List<VerifiedBlock> pendingBlocks = new ArrayList<>();
    private final List<VerifiedEvent> pendingEvents = new ArrayList<>();
    private long pendingParentNumber;
    private String pendingParentHash;

    private int maxPending() {
        return Math.max(settings.batchSize(), Math.min(5000, 10 * settings.batchSize()));
    }

    /** Hands the pending verified blocks to the store, once the batch being stored committed. */
    private void submitPending() {
        awaitStore();
        if (pendingBlocks.isEmpty()) {
            return;
        }
        long parentNumber = pendingParentNumber;
        String parentHash = pendingParentHash;
        List<VerifiedBlock> toStore = List.copyOf(pendingBlocks);
        List<VerifiedEvent> eventsToStore = List.copyOf(pendingEvents);
        pendingBlocks.clear();
        pendingEvents.clear();
        storing = store(() -> store.storeBatch(parentNumber, parentHash, toStore, eventsToStore, clock.instant()));
    }

    /** Stores everything verified so far and waits for it: before alerts, rollbacks, replays and reports. */
    private void flush() {
        submitPending();
        awaitStore();
    }

    /** Waits for the batch being stored; its failure (e.g. the verified head moved) is rethrown here. */
    private void awaitStore() {
        try {
            storing.join();
        } catch (CompletionException e) {
            storing = CompletableFuture.completedFuture(null);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void drainQuietly() {
        pendingBlocks.clear();
        pendingEvents.clear();
        try {
            storing.join();
        } catch (CompletionException e) {
            LOG.log(Level.WARNING, "storing a verified batch failed", e.getCause());
        } finally {
            storing = CompletableFuture.completedFuture(null);
        }
    }

    /**
     * QBFT / IBFT 2.0: replays the validator set up to the verified head from the last epoch block (headers from
     * the node, each checked against the stored verified hash), and compares it with the set stored with the head.
     */
    private BatchVerifier.Failure replay(LedgerNode source, long height, String hash)
            throws LedgerUnavailableException {
        long first = verifier.replayStart(height);
        List<Map<String, Object>> headers = new ArrayList<>((int) (height - first + 1));
        for (long n = first; n <= height; n += settings.batchSize()) {
            headers.addAll(source.headers(n, (int) Math.min(settings.batchSize(), height - n + 1)));
        }
        SyncState state = store.state(settings.checkpoint(), clock.instant());
        String stored = state.getVerifiedNumber() == height ? state.getValidators() : null;
        LOG.fine(() -> "replaying the validator set from block " + first + " to " + height);
        return verifier.replay(height, hash, headers, store::verifiedHash, stored);
    }

    /** The endpoints as last seen, in configuration order. */
    public List<EndpointStatus> endpoints() {
        synchronized (endpoints) {
            return new ArrayList<>(endpoints.values());
        }
    }

    /** Blocks verified and stored per second in the last run that stored any. */
    public double blocksPerSecond() {
        return blocksPerSecond;
    }

    /** The head of the endpoint read from in the last run (-1 before the first run). */
    public long targetHead() {
        return targetHead;
    }

    public RunReport lastRun() {
        return lastRun;
    }

    private Map<LedgerNode, Long> heads() {
        Map<LedgerNode, Long> heads = new LinkedHashMap<>();
        for (LedgerNode node : nodes) {
            try {
                long head = node.headNumber();
                heads.put(node, head);
                endpoints.put(node.name(), new EndpointStatus(node.name(), true, head, null, null, clock.instant()));
            } catch (LedgerUnavailableException e) {
                markUnreachable(node.name(), e.getMessage());
            }
        }
        return heads;
    }

    private void markUnreachable(String endpoint, String error) {
        EndpointStatus before = endpoints.get(endpoint);
        Instant now = clock.instant();
        Instant since = before != null && !before.reachable() && before.unreachableSince() != null
                ? before.unreachableSince() : now;
        endpoints.put(endpoint, new EndpointStatus(endpoint, false, before == null ? null : before.head(), error,
                since, now));
    }

    /**
     * Non-final chains: finds the highest verified block at or below {@code from} that the node still has (same
     * hash) and rolls the verified index back to it. Empty when not even the checkpoint matches (then an alert is
     * recorded: the node follows another chain).
     */
    private Optional<Long> reorgCheck(LedgerNode source, long from) throws LedgerUnavailableException {
        long checkpoint = settings.checkpoint().number();
        Map<String, Object> atFrom = source.headers(from, 1).get(0);
        Optional<String> oursAtFrom = store.verifiedHash(from);
        if (atFrom != null && oursAtFrom.isPresent() && oursAtFrom.get().equals(atFrom.get("hash"))
                && from == store.state(settings.checkpoint(), clock.instant()).getVerifiedNumber()) {
            return Optional.of(from);   // the common case: nothing reorganised (one header asked)
        }
        long top = from;
        while (top >= checkpoint) {
            int count = (int) Math.min(settings.batchSize(), top - checkpoint + 1);
            long start = top - count + 1;
            List<Map<String, Object>> headers = source.headers(start, count);
            for (long n = top; n >= start; n--) {
                Map<String, Object> header = headers.get((int) (n - start));
                Object claimed = header == null ? null : header.get("hash");
                Optional<String> ours = store.verifiedHash(n);
                if (ours.isPresent() && ours.get().equals(claimed)) {
                    if (n < store.state(settings.checkpoint(), clock.instant()).getVerifiedNumber()) {
                        long ancestor = n;
                        LOG.warning(() -> "reorganisation at " + source.name() + ": rolling back to block " + ancestor);
                        store.rollbackTo(n, ours.get(), clock.instant());
                    }
                    return Optional.of(n);
                }
            }
            top = start - 1;
        }
        Map<String, Object> atCheckpoint = source.headers(checkpoint, 1).get(0);
        IntegrityAlert alert = new IntegrityAlert(checkpoint, "checkpoint", ReasonCode.CHECKPOINT_MISMATCH.name(),
                "block " + checkpoint, settings.checkpoint().hash(),
                atCheckpoint == null ? "no such block" : String.valueOf(atCheckpoint.get("hash")), source.name(),
                null, clock.instant());
        store.recordAlert(alert, clock.instant());
        return Optional.empty();
    }

    /**
     * Compares the verified blocks' hashes with what every other reachable endpoint claims at the same heights;
     * the first difference is a SPLIT_VIEW alert naming both endpoints. An endpoint that does not have a block yet
     * is not a difference; one that does not answer is marked unreachable and skipped.
     */
    private IntegrityAlert splitView(LedgerNode source, List<VerifiedBlock> verified) {
        if (verified.isEmpty() || nodes.size() < 2) {
            return null;
        }
        long first = verified.get(0).getNumber();
        IntegrityAlert earliest = null;
        for (LedgerNode other : nodes) {
            if (other == source) {
                continue;
            }
            List<Map<String, Object>> headers;
            try {
                headers = other.headers(first, verified.size());
            } catch (LedgerUnavailableException e) {
                markUnreachable(other.name(), e.getMessage());
                continue;
            }
            for (int i = 0; i < verified.size(); i++) {
                Map<String, Object> header = i < headers.size() ? headers.get(i) : null;
                if (header == null) {
                    break;
                }
                VerifiedBlock ours = verified.get(i);
                Object theirs = header.get("hash");
                if (!ours.getHash().equals(theirs)) {
                    if (earliest == null || ours.getNumber() < earliest.getBlockNumber()) {
                        earliest = new IntegrityAlert(ours.getNumber(), "split-view", IntegrityAlert.SPLIT_VIEW,
                                "block " + ours.getNumber() + " hash", ours.getHash(), String.valueOf(theirs),
                                source.name(), other.name(), clock.instant());
                    }
                    break;
                }
            }
        }
        return earliest;
    }

    private void rate(long blocks, Instant start) {
        double seconds = Duration.between(start, clock.instant()).toNanos() / 1e9;
        if (seconds > 0) {
            blocksPerSecond = blocks / seconds;
        }
    }

    private RunReport finish(RunResult result, long from, long to, long blocks, long events, Instant start,
                             String message) {
        flush();
        RunReport report = new RunReport(result, from, to, blocks, events, Duration.between(start, clock.instant()),
                message, Duration.ofNanos(fetchNanos), Duration.ofNanos(verifyNanos),
                Duration.ofNanos(storeNanos.get()));
        lastRun = report;
        if (result == RunResult.HALTED) {
            LOG.log(Level.WARNING, "ledger sync halted: {0}", message);
        }
        return report;
    }
}
