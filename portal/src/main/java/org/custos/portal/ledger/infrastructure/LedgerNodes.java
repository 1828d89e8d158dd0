package org.custos.portal.ledger.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;

/** The configured endpoints as read-only {@link LedgerNode}s (Web3j), created once and closed at shutdown. */
@ApplicationScoped
public class LedgerNodes {

    @Inject
    LedgerConfiguration configuration;

    private List<Web3jLedgerNode> nodes;

    public synchronized List<LedgerNode> nodes() {
        if (nodes == null) {
            nodes = create(configuration.settings(), configuration.transport());
        }
        return List.copyOf(nodes);
    }

    /** One node per configured endpoint, in configuration order, reached through {@code transport}. */
    public static List<Web3jLedgerNode> create(LedgerSettings settings, NodeTransport transport) {
        List<Web3jLedgerNode> created = new ArrayList<>();
        for (String url : settings.endpoints()) {
            created.add(new Web3jLedgerNode(url, transport, settings.retries(), settings.retryBackoff()));
        }
        return created;
    }

    @PreDestroy
    synchronized void close() {
        if (nodes != null) {
            nodes.forEach(Web3jLedgerNode::close);
        }
    }
}
