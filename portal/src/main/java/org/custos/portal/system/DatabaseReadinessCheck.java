package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailVerification;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the database answers; reports the trail's integrity too. */
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
            TrailVerification verdict = trail.verifyWithoutRecording();
            return HealthCheckResponse.named("database")
                    .status(true)
                    .withData("schemaVersion", schema.schemaVersion())
                    .withData("product", schema.databaseProduct())
                    .withData("trailIntact", verdict.intact())
                    .withData("trailEntries", verdict.entriesChecked())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
