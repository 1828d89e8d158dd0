package org.custos.portal.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.EvaluationMark;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.StoredBundle;
import org.custos.portal.evidence.domain.TestBundles;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Findings and bundle records in the portal's real schema (Flyway V1..V4) through Hibernate, on H2 and, when the
 * test environment provides it (CUSTOS_IT_PG_URL), on PostgreSQL: merging is idempotent by stable key, keeps a
 * regulator's status, marks findings no longer produced as not current, and a status change without the required
 * reason changes nothing.
 */
class FindingStoreIT {

    private static EntityManagerFactory factory(DataSource ds, String vendor) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
        Configuration cfg = new Configuration().addAnnotatedClass(StoredFinding.class)
                .addAnnotatedClass(StoredBundle.class).addAnnotatedClass(EvaluationMark.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.setProperty("hibernate.xml_mapping_enabled", "false");
        return cfg.buildSessionFactory();
    }

    private static <T> T tx(EntityManagerFactory emf, Function<FindingRepository, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(new JpaFindingRepository(em));
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static Finding finding(String clinic, String object) {
        return new Finding("GDPR-DSR-01", 1, "GDPR Art 12(3)", Severity.S2, clinic, "requestId:" + object,
                "late", Map.of("requestId", object), List.of(new EvidenceRef("requestReceived", 7L, "0x01", 0,
                "0x02", "2025-01-01T00:00:00Z", null, null, null, List.of(), null, null)),
                Instant.parse("2025-02-01T00:00:00Z"), null);
    }

    @Test
    void onH2() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:finding-store;DB_CLOSE_DELAY=-1");
        ds.setUser("custos");
        EntityManagerFactory emf = factory(ds, "h2");
        try {
            exercise(emf);
        } finally {
            emf.close();
        }
    }

    @Test
    void onPostgresql() throws Exception {
        String url = System.getenv("CUSTOS_IT_PG_URL");
        org.junit.jupiter.api.Assertions.assertNotNull(url,
                "CUSTOS_IT_PG_URL is not set: start the test services (scripts/services.sh start; eval \"$(scripts/services.sh env)\")");
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv("CUSTOS_IT_PG_USER"));
        EntityManagerFactory emf = factory(ds, "postgresql");
        try {
            exercise(emf);
        } finally {
            emf.close();
        }
    }

    private static void exercise(EntityManagerFactory emf) throws Exception {
        String clinic = "0x" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        List<Finding> both = List.of(finding(clinic, "a"), finding(clinic, "b"));
        FindingMerger.Result first = tx(emf, r -> FindingMerger.merge(r, clinic, both, s -> true, "block:1", t1));
        assertThat(first).isEqualTo(new FindingMerger.Result(2, 0, 0));
        String keyA = both.get(0).key();
        tx(emf, r -> {
            r.find(keyA).orElseThrow().changeStatus(FindingStatus.ACKNOWLEDGED, null, "regulator", t1);
            return null;
        });
        Instant t2 = t1.plusSeconds(60);
        FindingMerger.Result again = tx(emf, r -> FindingMerger.merge(r, clinic, both, s -> true, "block:2", t2));
        assertThat(again).isEqualTo(new FindingMerger.Result(0, 2, 0));
        long all = tx(emf, r -> r.count(clinic, null, null, null, false));
        assertThat(all).isEqualTo(2);
        StoredFinding a = tx(emf, r -> r.find(keyA).orElseThrow());
        assertThat(a.getStatus()).isEqualTo(FindingStatus.ACKNOWLEDGED);
        assertThat(a.getFirstSeen()).isEqualTo(t1);
        assertThat(a.getLastSeen()).isEqualTo(t2);
        assertThat(a.getEvidenceJson()).contains("\"block\":7").contains("receiptsRoot");

        FindingMerger.Result fewer = tx(emf, r -> FindingMerger.merge(r, clinic, List.of(both.get(0)), s -> true,
                "block:3", t2));
        assertThat(fewer.noLongerCurrent()).isEqualTo(1);
        long current = tx(emf, r -> r.count(clinic, null, null, null, true));
        assertThat(current).isEqualTo(1);
        List<StoredFinding> open = tx(emf, r -> r.list(clinic, "GDPR-DSR-01", Severity.S2, FindingStatus.OPEN,
                false, 0, 10));
        assertThat(open).extracting(StoredFinding::getObjectKey).containsExactly("requestId:b");
        List<StoredFinding> other = tx(emf, r -> r.list("0x" + "ee".repeat(32), null, null, null, false, 0, 10));
        assertThat(other).isEmpty();

        assertThatThrownBy(() -> tx(emf, r -> {
            r.find(keyA).orElseThrow().changeStatus(FindingStatus.ACCEPTED, " ", "regulator", t2);
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        FindingStatus kept = tx(emf, r -> r.find(keyA).orElseThrow().getStatus());
        assertThat(kept).isEqualTo(FindingStatus.ACKNOWLEDGED);
        tx(emf, r -> {
            r.find(keyA).orElseThrow().changeStatus(FindingStatus.ACCEPTED, "documented legal hold", "regulator", t2);
            return null;
        });
        String reason = tx(emf, r -> r.find(keyA).orElseThrow().getStatusReason());
        assertThat(reason).isEqualTo("documented legal hold");

        try (EvidenceBundle bundle = new BundleReader(BundleLimits.defaults()).read(
                new ByteArrayInputStream(TestBundles.valid(3)), TestBundles.CLINIC, BundleProgress.NONE)) {
            BundleVerification v = new BundleVerifier().verify(bundle, List.of());
            tx(emf, r -> {
                if (r.bundle(bundle.sha256()).isEmpty()) {
                    r.addBundle(new StoredBundle(bundle, v, "officer", t2, 10, "{}"));
                }
                return null;
            });
            StoredBundle stored = tx(emf, r -> r.bundle(bundle.sha256()).orElseThrow());
            assertThat(stored.getEntries()).isEqualTo(3);
            assertThat(stored.getClinicId()).isEqualTo(TestBundles.CLINIC);
        }
    }
}
