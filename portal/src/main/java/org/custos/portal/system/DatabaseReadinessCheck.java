package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.trail.application.TrailService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the schema is migrated and the database answers a query on the trail. Deliberately cheap: probes
 * run every few seconds, so the full recomputation of the trail's hash chain (linear in its length, under a
 * lock that pauses appends) is left to the regulator's pages, not done here.
 * <p>
 * The answer goes to anyone without sign-in, so it is the name and UP or DOWN only: no schema version, database
 * product, count or error text (they are on the regulator's start page; a failure is logged for the operator).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";
    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());

    @Inject
    SchemaMigrator schema;

    @Inject
    TrailService trail;

    @Override
    public HealthCheckResponse call() {
        try {
            schema.schemaVersion();
            trail.size();
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "readiness: the database did not answer", e);
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.empty());
        }
    }
}
