package org.custos.portal.compliance.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the two writers of a clinic's findings: a bundle upload (all rules, with the bundle) and the
 * background re-evaluation of the on-chain rules. Both merge by finding key, so two at once could insert the same
 * key in two transactions and one would fail. Callers hold the gate until their transaction has committed (they
 * call the transactional service from outside any transaction). One portal instance per database is assumed
 * (docs/operations.md); the upload waits for a running evaluation, the background evaluation skips its turn
 * while an upload runs.
 */
@ApplicationScoped
public class EvaluationGate {

    private final ReentrantLock lock = new ReentrantLock(true);

    /** Runs {@code work} alone, waiting for the gate. */
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} alone if the gate is free now; empty when another writer holds it. */
    public <T> Optional<T> ifFree(Supplier<T> work) {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.unlock();
        }
    }
}
