package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live once the application started (CDI could create this bean, so the deployment and the schema migrator ran).
 * Answers anyone without sign-in, so it says UP and nothing else: the version and the schema version are on the
 * regulator's start page (docs/security.md, "Health").
 */
@Liveness
@ApplicationScoped
public class PortalLivenessCheck implements HealthCheck {

    /** The check's name, which the scripts wait for on {@code /health/live}. */
    static final String NAME = "portal";

    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
    }
}
