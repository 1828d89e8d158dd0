package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live once the application started (the schema migrator ran). */
@Liveness
@ApplicationScoped
public class PortalLivenessCheck implements HealthCheck {

    @Inject
    SchemaMigrator schema;

    @Inject
    BuildInfo build;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("portal").up()
                .withData("version", build.getVersion())
                .withData("schemaVersion", schema.schemaVersion())
                .build();
    }
}
