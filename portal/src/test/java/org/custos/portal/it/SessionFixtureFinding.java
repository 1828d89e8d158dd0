package org.custos.portal.it;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;

/**
 * Test fixture of {@code SessionLifetimePageIT}, deployed only with it: stores one open finding of a clinic of its
 * own when the portal starts, so that the test has a status to change without syncing a chain or uploading a
 * bundle. Setup only: what is tested is the session around the status change.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SessionFixtureFinding {

    static final String CLINIC = "clinic-session-it";

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    /** The finding both sides know: the test computes its key, the portal stores it. */
    static Finding finding(String object) {
        return new Finding("GDPR-DSR-01", 1, "GDPR Art 12(3)", Severity.S2, CLINIC, "requestId:" + object,
                "request answered late", Map.of("requestId", object), List.of(new EvidenceRef("requestReceived", 7L,
                "0x01", 0, "0x02", "2025-01-01T00:00:00Z", null, null, null, List.of(), null, null)),
                Instant.parse("2025-02-01T00:00:00Z"), null);
    }

    static final List<String> OBJECTS = List.of("refreshed", "ended", "timed-out");

    @PostConstruct
    void store() {
        FindingMerger.merge(new JpaFindingRepository(em), CLINIC, OBJECTS.stream().map(SessionFixtureFinding::finding)
                .toList(), s -> true, "session-it", Instant.now());
    }
}
