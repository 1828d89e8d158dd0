package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.ledger.application.LedgerStatusService;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the configured ledger node answers; an auditor without a ledger cannot audit. The answer goes to
 * anyone without sign-in, so it is the name and UP or DOWN only: the endpoint, chain id, head block and the node's
 * error are on the ledger status page, for signed-in users (docs/security.md, "Health").
 */
@Readiness
@ApplicationScoped
public class LedgerReadinessCheck implements HealthCheck {

    static final String NAME = "ledger";
    private static final Logger LOG = Logger.getLogger(LedgerReadinessCheck.class.getName());

    @Inject
    LedgerStatusService ledger;

    @Override
    public HealthCheckResponse call() {
        LedgerStatus s = ledger.status();
        if (!s.reachable()) {
            LOG.log(Level.FINE, "readiness: the ledger node does not answer: {0}", s.error());
        }
        return new HealthCheckResponse(NAME, s.reachable() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.empty());
    }
}
