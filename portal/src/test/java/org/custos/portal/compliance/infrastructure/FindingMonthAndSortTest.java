package org.custos.portal.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingRepository.Dimension;
import org.custos.portal.compliance.domain.FindingRepository.Sort;
import org.custos.portal.compliance.domain.FindingRepository.SortColumn;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.evidence.domain.StoredBundle;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's month chart and table order on the real schema (the portal's Flyway migrations, V14 included) and
 * mapping, in H2: findings found in December 2026 about acts of 2025 count in their 2025 months; a row stored
 * before V14 (no act time) falls back to when it was found; every whitelisted column sorts both ways, ties by key.
 */
class FindingMonthAndSortTest {

    static final String NORTH = "0x" + "0a".repeat(32);
    static final String SOUTH = "0x" + "0b".repeat(32);
    static final Instant FOUND = Instant.parse("2026-12-07T10:00:00Z");

    static EntityManagerFactory emf;
    static JdbcConnectionPool pool;
    static java.sql.Connection keeper;

    @BeforeAll
    static void store() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:findings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("custos");
        keeper = h2.getConnection();
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        pool = JdbcConnectionPool.create(h2);
        Configuration cfg = new Configuration().addAnnotatedClass(StoredFinding.class)
                .addAnnotatedClass(StoredBundle.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.setProperty("hibernate.xml_mapping_enabled", "false");
        emf = cfg.buildSessionFactory();
        inTransaction(em -> {
            FindingRepository r = new JpaFindingRepository(em);
            r.add(stored("HIPAA-AOD-01", NORTH, "d1", Severity.S2, "2025-03-14T09:00:00Z", null));
            r.add(stored("HIPAA-AOD-01", NORTH, "d2", Severity.S2, "2025-03-30T23:59:59Z", null));
            r.add(stored("GDPR-MIN-01", SOUTH, "m1", Severity.S1, "2025-11-02T00:00:00Z", null));
            r.add(stored("GDPR-DSR-01", SOUTH, "r1", Severity.S3, "2025-01-05T00:00:00Z",
                    Instant.parse("2025-02-04T00:00:00Z")));
            return null;
        });
        // a finding stored before V14: no act time, no event time the database could read
        inTransaction(em -> {
            em.createNativeQuery("insert into compliance_finding (finding_key, rule_id, rule_version, legal_source,"
                    + " severity, clinic_id, object_key, summary, objects_json, evidence_json, first_seen, last_seen,"
                    + " input_mark, current_finding, status) values ('INT-05|" + NORTH + "|old', 'INT-05', 1, 's',"
                    + " 'S4', '" + NORTH + "', 'old', 'old', '{}', '[]', TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-20 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-20 08:00:00+00', 'm', true,"
                    + " 'OPEN')").executeUpdate();
            return null;
        });
    }

    static StoredFinding stored(String rule, String clinic, String object, Severity severity, String blockTime,
                                Instant deadline) {
        EvidenceRef event = new EvidenceRef("event", 12L, "0x" + "7a".repeat(32), 1, "0x" + "c0".repeat(32),
                blockTime, null, null, null, List.of(), null, null);
        Finding f = new Finding(rule, 1, "source", severity, clinic, object, "summary " + object, Map.of(),
                List.of(event), deadline, null);
        return new StoredFinding(f, "{}", "[]", "block:1|bundle:none", FOUND);
    }

    @AfterAll
    static void close() throws Exception {
        emf.close();
        pool.dispose();
        keeper.close();
    }

    static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    static FindingRepository.Filter all() {
        return new FindingRepository.Filter(null, null, null, null, false);
    }

    @Test
    void findingsCountInTheMonthOfTheirActNotOfWhenTheyWereFound() {
        Map<String, Long> months = inTransaction(em -> new JpaFindingRepository(em).countBy(all(), Dimension.MONTH));
        assertThat(months).containsExactly(Map.entry("2025-02", 1L), Map.entry("2025-03", 2L),
                Map.entry("2025-11", 1L), Map.entry("2026-11", 1L));
        assertThat(months).doesNotContainKey("2026-12");
    }

    @Test
    void theMonthChartKeepsTheFilters() {
        Map<String, Long> north = inTransaction(em -> new JpaFindingRepository(em).countBy(
                new FindingRepository.Filter(NORTH, "HIPAA-AOD-01", null, null, true), Dimension.MONTH));
        assertThat(north).containsExactly(Map.entry("2025-03", 2L));
    }

    @Test
    void theDefaultOrderIsNewestActFirstAndEachColumnSortsBothWays() {
        assertThat(keys(Sort.DEFAULT)).containsExactly("INT-05|" + NORTH + "|old", "GDPR-MIN-01|" + SOUTH + "|m1",
                "HIPAA-AOD-01|" + NORTH + "|d2", "HIPAA-AOD-01|" + NORTH + "|d1", "GDPR-DSR-01|" + SOUTH + "|r1");
        assertThat(keys(new Sort(SortColumn.DATE, true))).first().isEqualTo("GDPR-DSR-01|" + SOUTH + "|r1");
        assertThat(rules(new Sort(SortColumn.RULE, true))).containsExactly("GDPR-DSR-01", "GDPR-MIN-01",
                "HIPAA-AOD-01", "HIPAA-AOD-01", "INT-05");
        assertThat(rules(new Sort(SortColumn.RULE, false))).containsExactly("INT-05", "HIPAA-AOD-01",
                "HIPAA-AOD-01", "GDPR-MIN-01", "GDPR-DSR-01");
        assertThat(page(new Sort(SortColumn.SEVERITY, true), 0, 5)).extracting(StoredFinding::getSeverity)
                .containsExactly(Severity.S1, Severity.S2, Severity.S2, Severity.S3, Severity.S4);
        assertThat(page(new Sort(SortColumn.CLINIC, false), 0, 5)).extracting(StoredFinding::getClinicId)
                .containsExactly(SOUTH, SOUTH, NORTH, NORTH, NORTH);
        for (SortColumn c : SortColumn.values()) {
            assertThat(page(new Sort(c, true), 0, 5)).as(c.name()).hasSize(5);
            assertThat(page(new Sort(c, false), 0, 5)).as(c.name()).hasSize(5);
        }
    }

    @Test
    void pagesOfASortedTableNeitherOverlapNorSkip() {
        Sort bySeverity = new Sort(SortColumn.SEVERITY, true);
        List<String> all = keys(bySeverity);
        List<String> paged = new java.util.ArrayList<>();
        for (int first = 0; first < 5; first += 2) {
            page(bySeverity, first, 2).forEach(f -> paged.add(f.getKey()));
        }
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates().hasSize(5);
    }

    static List<StoredFinding> page(Sort sort, int first, int limit) {
        return inTransaction(em -> new JpaFindingRepository(em).list(all(), sort, first, limit));
    }

    static List<String> keys(Sort sort) {
        return page(sort, 0, 100).stream().map(StoredFinding::getKey).toList();
    }

    static List<String> rules(Sort sort) {
        return page(sort, 0, 100).stream().map(StoredFinding::getRuleId).toList();
    }
}
