package org.custos.portal.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.custos.portal.ledger.domain.LedgerGateway;
import org.custos.portal.ledger.domain.LedgerStatus;

/**
 * The node's status for start pages and the health check, asked at most once every two seconds so that many
 * page views do not turn into many JSON-RPC calls. Every signed-in role may see it.
 */
@ApplicationScoped
public class LedgerStatusService {

    private static final Duration MAX_AGE = Duration.ofSeconds(2);

    @Inject
    LedgerGateway gateway;

    @Inject
    Clock clock;

    private volatile LedgerStatus last;

    public LedgerStatus status() {
        LedgerStatus cached = last;
        if (cached != null && cached.checkedAt().plus(MAX_AGE).isAfter(clock.instant())) {
            return cached;
        }
        LedgerStatus fresh = gateway.status();
        last = fresh;
        return fresh;
    }
}
