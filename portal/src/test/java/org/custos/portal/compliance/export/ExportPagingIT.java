package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.application.ExportService;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportService}'s queries on the portal's real schema (Flyway, H2, Hibernate, no container), with more
 * rows than one page: every finding and disclosure comes exactly once and in order across page boundaries, the
 * clinic scope is a condition of the query (an officer asking for another clinic gets their own rows; a clinic
 * that is not mapped gets nothing, never everything), and a disclosure of another subject is never exported.
 */
class ExportPagingIT {

    private static final String NORTH = "0x" + "a1".repeat(32);
    private static final String SOUTH = "0x" + "b2".repeat(32);
    private static final String SUBJECT = "0x" + "5e".repeat(32);
    private static final String OTHER_SUBJECT = "0x" + "6f".repeat(32);
    private static final int NORTH_FINDINGS = 450;
    private static final int SOUTH_FINDINGS = 30;
    private static final int NORTH_DISCLOSURES = 430;

    private static EntityManagerFactory emf;

    @BeforeAll
    static void store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:export-paging;DB_CLOSE_DELAY=-1");
        ds.setUser("custos");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        Configuration cfg = new Configuration().addAnnotatedClass(StoredFinding.class)
                .addAnnotatedClass(VerifiedBlock.class).addAnnotatedClass(VerifiedEvent.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
        // as in the portal (persistence.xml): Flyway owns the schema; the ledger tables use CHAR where the
        // entities say length 66, which Hibernate's validation would refuse although the portal reads them fine
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.setProperty("hibernate.xml_mapping_enabled", "false");
        emf = cfg.buildSessionFactory();
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < NORTH_FINDINGS + SOUTH_FINDINGS; i++) {
            Finding f = finding(i < NORTH_FINDINGS ? NORTH : SOUTH, i);
            em.persist(new StoredFinding(f, FindingMerger.json(f.objects()), FindingMerger.json(f.evidence()),
                    "block:1", t0));
        }
        // blocks 1..N, each with a disclosure; every fifth block also one of another subject, every seventh one
        // of the subject by the south clinic
        for (int b = 1; b <= NORTH_DISCLOSURES; b++) {
            Instant time = t0.plusSeconds(60L * b);
            em.persist(new VerifiedBlock(b, word(b), word(b - 1), word(0), word(0), "0x" + String.format("%064x",
                    1_000_000 + b), time, 1, 3, "", time));
            em.persist(disclosure(b, 0, NORTH, SUBJECT, time));
            if (b % 5 == 0) {
                em.persist(disclosure(b, 1, NORTH, OTHER_SUBJECT, time));
            }
            if (b % 7 == 0) {
                em.persist(disclosure(b, 2, SOUTH, SUBJECT, time));
            }
        }
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        if (emf != null) {
            emf.close();
        }
    }

    @Test
    void aRegulatorGetsEveryFindingOnceInKeyOrderAcrossPages() throws Exception {
        List<ExportedFinding> all = findings(regulator(), null);
        assertThat(all).hasSize(NORTH_FINDINGS + SOUTH_FINDINGS);
        List<String> keys = all.stream().map(ExportedFinding::key).toList();
        assertThat(keys).doesNotHaveDuplicates().isSorted();
        assertThat(all.get(0).proofs().get(0).blockHash()).isEqualTo(word(3));
        assertThat(findings(regulator(), SOUTH)).hasSize(SOUTH_FINDINGS)
                .allSatisfy(f -> assertThat(f.clinicId()).isEqualTo(SOUTH));
    }

    @Test
    void anOfficerGetsOnlyTheirClinicWhateverTheyAskFor() throws Exception {
        assertThat(findings(officer(NORTH), SOUTH)).hasSize(NORTH_FINDINGS)
                .allSatisfy(f -> assertThat(f.clinicId()).isEqualTo(NORTH));
        assertThat(findings(officer(SOUTH), null)).hasSize(SOUTH_FINDINGS);
        assertThat(findings(officer("clinic-west"), null)).isEmpty();
        assertThat(disclosures(officer("clinic-west"), null)).isEmpty();
    }

    @Test
    void theAccountingListsEveryDisclosureOfTheSubjectInChainOrderAcrossPages() throws Exception {
        List<ExportedDisclosure> all = disclosures(regulator(), null);
        int south = NORTH_DISCLOSURES / 7;
        assertThat(all).hasSize(NORTH_DISCLOSURES + south)
                .allSatisfy(d -> assertThat(d.subject()).isEqualTo(SUBJECT));
        assertThat(all.stream().map(ExportedDisclosure::eventId).toList()).doesNotHaveDuplicates().isSorted();
        ExportedDisclosure first = all.get(0);
        assertThat(first.block()).isEqualTo(1);
        assertThat(first.blockHash()).isEqualTo(word(1));
        assertThat(first.receiptsRoot()).isEqualTo("0x" + String.format("%064x", 1_000_001));
        assertThat(first.purposeId()).isEqualTo(2);
        assertThat(disclosures(officer(NORTH), SOUTH)).hasSize(NORTH_DISCLOSURES)
                .allSatisfy(d -> assertThat(d.clinicId()).isEqualTo(NORTH));
        assertThat(disclosures(regulator(), SOUTH)).hasSize(south);
    }

    private static List<ExportedFinding> findings(ExportService s, String clinic) throws Exception {
        List<ExportedFinding> out = new ArrayList<>();
        EntityManager em = emf.createEntityManager();
        try {
            set(s, "em", em);
            long n = s.findings(new FindingsQuery(null, null, null, clinic, true), out::add);
            assertThat(n).isEqualTo(out.size());
        } finally {
            em.close();
        }
        return out;
    }

    private static List<ExportedDisclosure> disclosures(ExportService s, String clinic) throws Exception {
        List<ExportedDisclosure> out = new ArrayList<>();
        EntityManager em = emf.createEntityManager();
        try {
            set(s, "em", em);
            long n = s.disclosures(new DisclosuresQuery(SUBJECT, clinic), out::add);
            assertThat(n).isEqualTo(out.size());
        } finally {
            em.close();
        }
        return out;
    }

    private static ExportService regulator() throws Exception {
        return service(new CurrentUser() {
            @Override
            public boolean isRegulator() {
                return true;
            }
        });
    }

    /** A clinic-bound user whose token names {@code clinic} (an on-chain id, or a name that is not mapped). */
    private static ExportService officer(String clinic) throws Exception {
        return service(new CurrentUser() {
            @Override
            public boolean isRegulator() {
                return false;
            }

            @Override
            public String requireClinicId() {
                return clinic;
            }
        });
    }

    private static ExportService service(CurrentUser user) throws Exception {
        ExportService s = new ExportService();
        LedgerConfiguration configuration = new LedgerConfiguration() {
            @Override
            public LedgerSettings settings() {
                return LedgerSettings.from(key -> Optional.empty());
            }
        };
        set(s, "currentUser", user);
        set(s, "configuration", configuration);
        set(s, "clinicScope", new ClinicScope(user, configuration));
        return s;
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field f = ExportService.class.getDeclaredField(name);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static Finding finding(String clinic, int i) {
        return new Finding("GDPR-DSR-01", 1, "GDPR Art 12(3)", Severity.S2, clinic, String.format("requestId:%05d", i),
                "late", Map.of("requestId", Integer.toString(i)), List.of(new EvidenceRef("requestReceived", 3L,
                word(900 + i), 0, word(1), "2025-01-01T00:03:00Z", null, null, null, List.of(), null, null)),
                Instant.parse("2025-02-01T00:00:00Z"), null);
    }

    private static VerifiedEvent disclosure(long block, int logIndex, String clinic, String subject, Instant time) {
        String disclosureId = word((int) (block * 10 + logIndex));
        String fields = "{\"clinicId\":\"" + clinic + "\",\"disclosureId\":\"" + disclosureId
                + "\",\"subjectPseudonym\":\"" + subject + "\",\"recipientId\":\"" + word(77)
                + "\",\"purposeId\":2,\"dataCategory\":3}";
        String topics = String.join(",", word(4242), clinic, disclosureId, subject);
        return new VerifiedEvent(block, 0, logIndex, word((int) block + 5000), "0x" + "cc".repeat(20),
                "accountability", ExportedDisclosure.EVENT, clinic, fields, topics, "0x", time);
    }

    private static String word(int n) {
        return "0x" + String.format("%064x", n);
    }
}
