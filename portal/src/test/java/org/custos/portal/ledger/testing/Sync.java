package org.custos.portal.ledger.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.infrastructure.LedgerNodes;
import org.custos.portal.ledger.infrastructure.NodeTransport;
import org.custos.portal.ledger.infrastructure.Web3jLedgerNode;

/** Builds the real sync (settings from config keys, Web3j nodes, the given store) for a test. */
public final class Sync implements AutoCloseable {

    public final LedgerSettings settings;
    public final SyncEngine engine;
    private final List<Web3jLedgerNode> nodes = new ArrayList<>();
    /** As the container's sync pool: the batches fetched ahead, the one awaited, and a batch's store. */
    private final java.util.concurrent.ExecutorService prefetcher;

    public Sync(Map<String, String> config, TestStore store) {
        settings = LedgerSettings.from(key -> Optional.ofNullable(config.get(key)));
        prefetcher = java.util.concurrent.Executors.newFixedThreadPool(SyncEngine.threadsFor(settings), r -> {
            Thread t = new Thread(r, "ledger-prefetch");
            t.setDaemon(true);
            return t;
        });
        // as the container: the same settings, and the same transport (limits, deadline, trust store, credentials)
        nodes.addAll(LedgerNodes.create(settings, NodeTransport.from(settings,
                key -> Optional.ofNullable(config.get(key)))));
        engine = new SyncEngine(settings, List.<LedgerNode>copyOf(nodes), store, Clock.systemUTC(), prefetcher);
    }

    public List<LedgerNode> nodes() {
        return List.copyOf(nodes);
    }

    public SyncEngine.RunReport run() {
        return engine.runOnce(Duration.ofMinutes(5));
    }

    @Override
    public void close() {
        prefetcher.shutdownNow();
        nodes.forEach(Web3jLedgerNode::close);
    }
}
