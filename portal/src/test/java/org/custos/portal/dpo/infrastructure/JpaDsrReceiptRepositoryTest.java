package org.custos.portal.dpo.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.custos.portal.dpo.domain.DsrReceipt;
import org.custos.portal.dpo.testing.Receipts;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kept receipts' table (migration V11, the portal's own Flyway scripts) and its SQL on H2: bytes and times read
 * back equal, reads are scoped, the same receipt of the same request and key cannot be kept twice.
 */
class JpaDsrReceiptRepositoryTest {

    private static final String NORTH = Receipts.CLINIC;
    private static final String SOUTH = Receipts.OTHER_CLINIC;
    private static final Instant AT = Instant.parse("2026-12-07T10:11:12.123456Z");

    private final JdbcDataSource ds = new JdbcDataSource();
    private final JdbcConnectionPool pool;
    private final EntityManagerFactory emf;

    JpaDsrReceiptRepositoryTest() {
        ds.setURL("jdbc:h2:mem:receipts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("custos");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        pool = JdbcConnectionPool.create(ds);
        Configuration cfg = new Configuration();
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.setProperty("hibernate.xml_mapping_enabled", "false");
        emf = cfg.buildSessionFactory();
    }

    @AfterEach
    void close() {
        emf.close();
        pool.dispose();
    }

    private <T> T tx(Function<JpaDsrReceiptRepository, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            JpaDsrReceiptRepository repository = new JpaDsrReceiptRepository();
            repository.em = em;
            T result = work.apply(repository);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private List<DsrReceipt> read(String requestId, String scope) {
        return tx(r -> r.of(requestId, scope));
    }

    private boolean exists(String clinic, String requestId, String keyId, String sha256) {
        return tx(r -> r.exists(clinic, requestId, keyId, sha256));
    }

    private static DsrReceipt row(String clinic, String request, String key, byte[] receipt) {
        return new DsrReceipt(0, clinic, request, key, receipt, Receipts.sign(receipt, Receipts.KMS),
                Receipts.sha256(receipt), Receipts.KMS.getAddress().toLowerCase(), "dpo-north", AT);
    }

    @Test
    void aKeptReceiptReadsBackEqual() {
        DsrReceipt stored = row(NORTH, Receipts.R1, Receipts.K1, Receipts.RC1);
        tx(r -> {
            r.store(stored);
            return null;
        });
        List<DsrReceipt> rows = read(Receipts.R1, NORTH);
        assertThat(rows).hasSize(1);
        DsrReceipt back = rows.get(0);
        assertThat(back.id()).isPositive();
        assertThat(back.clinicId()).isEqualTo(NORTH);
        assertThat(back.requestId()).isEqualTo(Receipts.R1);
        assertThat(back.keyId()).isEqualTo(Receipts.K1);
        assertThat(back.receipt()).isEqualTo(Receipts.RC1);
        assertThat(back.signature()).isEqualTo(stored.signature());
        assertThat(back.sha256()).isEqualTo(stored.sha256());
        assertThat(back.signer()).isEqualTo(stored.signer());
        assertThat(back.uploadedBy()).isEqualTo("dpo-north");
        assertThat(back.uploadedAt()).isEqualTo(AT);
        assertThat(exists(NORTH, Receipts.R1, Receipts.K1, stored.sha256())).isTrue();
        assertThat(exists(SOUTH, Receipts.R1, Receipts.K1, stored.sha256())).isFalse();
        assertThat(exists(NORTH, Receipts.R2, Receipts.K1, stored.sha256())).isFalse();
    }

    @Test
    void readsAreScopedAndInUploadOrder() {
        byte[] second = Receipts.receipt(NORTH, Receipts.K3, 5);
        byte[] south = Receipts.receipt(SOUTH, Receipts.K1, 5);
        tx(r -> {
            r.store(row(NORTH, Receipts.R1, Receipts.K1, Receipts.RC1));
            r.store(row(NORTH, Receipts.R1, Receipts.K3, second));
            r.store(row(SOUTH, Receipts.R1, Receipts.K1, south));
            return null;
        });
        assertThat(read(Receipts.R1, NORTH)).extracting(DsrReceipt::keyId)
                .containsExactly(Receipts.K1, Receipts.K3);
        assertThat(read(Receipts.R1, SOUTH)).extracting(DsrReceipt::clinicId).containsExactly(SOUTH);
        assertThat(read(Receipts.R1, null)).hasSize(3);
        assertThat(read(Receipts.R1, "-")).isEmpty();
        assertThat(read(Receipts.R2, null)).isEmpty();
        assertThat(read("' or '1'='1", null)).isEmpty();
    }

    @Test
    void theSameReceiptOfTheSameRequestAndKeyIsKeptOnce() {
        tx(r -> {
            r.store(row(NORTH, Receipts.R1, Receipts.K1, Receipts.RC1));
            return null;
        });
        assertThatThrownBy(() -> tx(r -> {
            r.store(row(NORTH, Receipts.R1, Receipts.K1, Receipts.RC1));
            return null;
        })).isInstanceOf(PersistenceException.class);
        assertThat(read(Receipts.R1, null)).hasSize(1);
    }

    @Test
    void theLargestReceiptAndSignatureFileFit() {
        byte[] big = new byte[org.custos.portal.dpo.domain.KmsReceiptVerifier.MAX_RECEIPT_BYTES];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] sig = new byte[org.custos.portal.dpo.domain.KmsReceiptVerifier.MAX_SIGNATURE_FILE_BYTES];
        java.util.Arrays.fill(sig, (byte) ' ');
        DsrReceipt r0 = row(NORTH, Receipts.R1, Receipts.K1, big);
        DsrReceipt wide = new DsrReceipt(0, r0.clinicId(), r0.requestId(), r0.keyId(), big, sig, r0.sha256(),
                r0.signer(), "x".repeat(200), AT);
        tx(r -> {
            r.store(wide);
            return null;
        });
        DsrReceipt back = read(Receipts.R1, NORTH).get(0);
        assertThat(back.receipt()).isEqualTo(big);
        assertThat(new String(back.signature(), StandardCharsets.US_ASCII)).isEqualTo(new String(sig,
                StandardCharsets.US_ASCII));
    }
}
