package org.custos.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import org.custos.portal.ledger.application.LedgerStatusService;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.custos.portal.trail.application.TrailService;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The health checks answer anyone without sign-in: a name and UP or DOWN, never data (no version, endpoint, chain
 * id, head, database product, schema version, count or error text), whether the part is up or down.
 */
class HealthChecksTest {

    private static final String ENDPOINT = "http://ledger.internal.example:8545";

    @Test
    void theLivenessCheckSaysUpAndNothingElse() {
        assertStatusOnly(new PortalLivenessCheck().call(), "portal", HealthCheckResponse.Status.UP);
    }

    @Test
    void aReachableLedgerIsUpWithoutItsEndpointChainOrHead() {
        LedgerReadinessCheck check = new LedgerReadinessCheck();
        check.ledger = ledger(new LedgerStatus(ENDPOINT, true, BigInteger.valueOf(4242), "anvil/v1.2.3",
                BigInteger.valueOf(1234), "0x" + "ab".repeat(32), Instant.EPOCH, null, Instant.now()));
        assertStatusOnly(check.call(), "ledger", HealthCheckResponse.Status.UP);
    }

    @Test
    void anUnreachableLedgerIsDownWithoutTheNodesError() {
        LedgerReadinessCheck check = new LedgerReadinessCheck();
        check.ledger = ledger(LedgerStatus.unreachable(ENDPOINT, "Connection refused: " + ENDPOINT, Instant.now()));
        HealthCheckResponse r = check.call();
        assertStatusOnly(r, "ledger", HealthCheckResponse.Status.DOWN);
    }

    @Test
    void aDatabaseThatAnswersIsUpWithoutProductVersionOrCount() {
        DatabaseReadinessCheck check = new DatabaseReadinessCheck();
        check.schema = schema("14", "PostgreSQL 16.4");
        check.trail = trail(null, 987_654L);
        assertStatusOnly(check.call(), "database", HealthCheckResponse.Status.UP);
    }

    @Test
    void aDatabaseThatFailsIsDownWithoutTheErrorsClassOrText() {
        DatabaseReadinessCheck check = new DatabaseReadinessCheck();
        check.schema = schema("14", "H2 2.2.224");
        check.trail = trail(new IllegalStateException("jdbc:postgresql://db.internal:5432/custos refused"), 0);
        assertStatusOnly(check.call(), "database", HealthCheckResponse.Status.DOWN);
    }

    private static void assertStatusOnly(HealthCheckResponse r, String name, HealthCheckResponse.Status status) {
        assertThat(r.getName()).isEqualTo(name);
        assertThat(r.getStatus()).isEqualTo(status);
        assertThat(r.getData()).as("data of the %s check", name).isEmpty();
    }

    private static LedgerStatusService ledger(LedgerStatus status) {
        return new LedgerStatusService() {
            @Override
            public LedgerStatus status() {
                return status;
            }
        };
    }

    private static SchemaMigrator schema(String version, String product) {
        return new SchemaMigrator() {
            @Override
            public String schemaVersion() {
                return version;
            }

            @Override
            public String databaseProduct() {
                return product;
            }
        };
    }

    private static TrailService trail(RuntimeException failure, long size) {
        return new TrailService() {
            @Override
            public long size() {
                if (failure != null) {
                    throw failure;
                }
                return size;
            }
        };
    }
}
