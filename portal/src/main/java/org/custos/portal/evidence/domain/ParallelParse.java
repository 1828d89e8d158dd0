package org.custos.portal.evidence.domain;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parses access-log entries on an executor while the reader inflates and hashes the next ones. At most
 * {@link #IN_FLIGHT} entries wait or are being parsed (bounded memory). The first invalid entry (a
 * {@link BundleRejectedException}) is kept for {@link #invalid} and no later entry is parsed; any other failure (a
 * defect) is rethrown by the next {@link #submit} or by {@link #finish}. Each executor thread uses its own {@link AuditEventReader} (HAPI parsers
 * are not thread-safe); the table is written under its own lock.
 */
final class ParallelParse {

    static final int IN_FLIGHT = 2048;

    private final Executor executor;
    private final String clinic;
    private final AccessLogTable table;
    private final Semaphore permits = new Semaphore(IN_FLIGHT);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<BundleRejectedException> invalid = new AtomicReference<>();
    private final ThreadLocal<AuditEventReader> readers = ThreadLocal.withInitial(AuditEventReader::new);

    ParallelParse(Executor executor, String clinic, AccessLogTable table) {
        this.executor = executor;
        this.clinic = clinic;
        this.table = table;
    }

    void submit(int index, byte[] content) {
        rethrow();
        if (invalid.get() != null) {
            return;
        }
        permits.acquireUninterruptibly();
        try {
            executor.execute(() -> {
                try {
                    if (invalid.get() == null) {
                        readers.get().readEntry(index, content, clinic, table);
                    }
                } catch (BundleRejectedException e) {
                    invalid.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            throw new IllegalStateException("the parser executor refused work", e);
        }
    }

    /** The first invalid entry's refusal, or null. */
    BundleRejectedException invalid() {
        return invalid.get();
    }

    /** Waits for every submitted entry; rethrows the first failure other than an invalid entry. */
    void finish() {
        await();
        rethrow();
    }

    /** Waits for every submitted entry, ignoring failures (the read failed anyway). */
    void await() {
        permits.acquireUninterruptibly(IN_FLIGHT);
        permits.release(IN_FLIGHT);
    }

    private void rethrow() {
        RuntimeException f = failure.get();
        if (f != null) {
            throw f;
        }
    }
}
