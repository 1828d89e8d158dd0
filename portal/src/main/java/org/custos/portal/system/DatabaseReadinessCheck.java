package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custos.portal.trail.application.TrailService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the schema is migrated and the database answers a query on the trail. Deliberately cheap: probes
 * run every few seconds, so the full recomputation of the trail's hash chain (linear in its length, under a
 * lock that pauses appends) is left to the regulator's pages, not done here.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    SchemaMigrator schema;

    @Inject
    TrailService trail;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("database")
                    .status(true)
                    .withData("schemaVersion", schema.schemaVersion())
                    .withData("product", schema.databaseProduct())
                    .withData("trailEntries", trail.size())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
