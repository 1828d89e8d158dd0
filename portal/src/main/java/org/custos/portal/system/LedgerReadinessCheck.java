package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custos.portal.ledger.application.LedgerStatusService;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the configured ledger node answers; an auditor without a ledger cannot audit. */
@Readiness
@ApplicationScoped
public class LedgerReadinessCheck implements HealthCheck {

    @Inject
    LedgerStatusService ledger;

    @Override
    public HealthCheckResponse call() {
        LedgerStatus s = ledger.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("ledger").status(s.reachable())
                .withData("endpoint", s.endpoint());
        if (s.reachable()) {
            b.withData("chainId", s.chainId().longValue()).withData("headBlock", s.headNumber().longValue());
        } else {
            b.withData("error", s.error());
        }
        return b.build();
    }
}
