package org.custos.portal.ledger.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerStore;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.infrastructure.JpaLedgerRepository;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The portal's real store ({@link JpaLedgerRepository}, Hibernate, the portal's Flyway migrations) outside the
 * container, on an H2 database of the test's own, each write in a resource-local transaction of its own (in the
 * portal: container-managed, REQUIRES_NEW).
 */
public final class TestStore implements LedgerStore, LedgerIndex, AutoCloseable {

    private final EntityManagerFactory emf;
    /** Held open for the store's lifetime, so that H2 does not close and reopen the database per transaction. */
    private final java.sql.Connection keeper;
    /** Pooled as the container pools them (a new session per transaction would re-parse every statement). */
    private final org.h2.jdbcx.JdbcConnectionPool pool;

    /**
     * An H2 URL, or a {@code jdbc:postgresql:} URL (user in the URL, e.g. {@code ?user=custos_app}) for the sync
     * benchmark's PostgreSQL measurement; the schema is migrated with the portal's own Flyway scripts.
     */
    public TestStore(String jdbcUrl) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        javax.sql.DataSource ds;
        if (postgres) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(jdbcUrl);
            ds = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            h2.setUser("custos");
            ds = h2;
        }
        try {
            keeper = ds.getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot open " + jdbcUrl, e);
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common",
                postgres ? "classpath:db/migration/postgresql" : "classpath:db/migration/h2").load().migrate();
        Configuration cfg = new Configuration()
                .addAnnotatedClass(SyncState.class).addAnnotatedClass(VerifiedBlock.class)
                .addAnnotatedClass(VerifiedEvent.class).addAnnotatedClass(IntegrityAlert.class)
                .addAnnotatedClass(org.custos.portal.ledger.domain.PersonalDataHit.class);
        if (postgres) {
            // Hibernate's own small pool over the driver (the container has its JDBC pool)
            pool = null;
            cfg.setProperty(AvailableSettings.JAKARTA_JDBC_URL, jdbcUrl);
            cfg.setProperty(AvailableSettings.POOL_SIZE, "4");
        } else {
            pool = org.h2.jdbcx.JdbcConnectionPool.create((JdbcDataSource) ds);
            cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        }
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "200");
        cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        cfg.setProperty("hibernate.xml_mapping_enabled", "false");
        cfg.setStatementInspector(sql -> {
            statements.add(sql);
            return sql;
        });
        emf = cfg.buildSessionFactory();
    }

    /** Every SQL statement Hibernate prepared for this store (not the JDBC batch inserts), oldest first. */
    public final List<String> statements = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public <T> T read(Function<JpaLedgerRepository, T> query) {
        return inTransaction(query);
    }

    private <T> T inTransaction(Function<JpaLedgerRepository, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(new JpaLedgerRepository(em));
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public SyncState state(LedgerSettings.Checkpoint checkpoint, Instant now) {
        return inTransaction(r -> r.state(checkpoint, now));
    }

    @Override
    public void storeBatch(long parentNumber, String parentHash, List<VerifiedBlock> blocks,
                           List<VerifiedEvent> events, Instant now) {
        inTransaction(r -> {
            r.storeBatch(parentNumber, parentHash, blocks, events, now);
            return null;
        });
    }

    @Override
    public Optional<String> verifiedHash(long number) {
        return inTransaction(r -> r.verifiedHash(number));
    }

    @Override
    public void rollbackTo(long number, String hash, Instant now) {
        inTransaction(r -> {
            r.rollbackTo(number, hash, now);
            return null;
        });
    }

    @Override
    public void recordAlert(IntegrityAlert alert, Instant now) {
        inTransaction(r -> {
            r.recordAlert(alert, now);
            return null;
        });
    }

    @Override
    public void recordUnreachable(Instant now, String error) {
        inTransaction(r -> {
            r.recordUnreachable(now, error);
            return null;
        });
    }

    @Override
    public void recordReachable(Instant now) {
        inTransaction(r -> {
            r.recordReachable(now);
            return null;
        });
    }

    /** The whole verified index as text lines in chain order (blocks, then events), for comparing two syncs. */
    public List<String> snapshot() {
        return read(r -> {
            java.util.ArrayList<String> lines = new java.util.ArrayList<>();
            int page = 1000;
            for (int first = 0; ; first += page) {
                List<VerifiedBlock> blocks = r.newestBlocks(first, page);
                blocks.forEach(b -> lines.add("B " + b.contentKey()));
                if (blocks.size() < page) {
                    break;
                }
            }
            for (int first = 0; ; first += page) {
                List<VerifiedEvent> events = r.events(null, first, page);
                events.forEach(e -> lines.add("E " + e.contentKey()));
                if (events.size() < page) {
                    break;
                }
            }
            return lines;
        });
    }

    @Override
    public Optional<SyncState> state() {
        return inTransaction(JpaLedgerRepository::state);
    }

    @Override
    public long blockCount() {
        return inTransaction(JpaLedgerRepository::blockCount);
    }

    @Override
    public List<VerifiedBlock> newestBlocks(int first, int limit) {
        return inTransaction(r -> r.newestBlocks(first, limit));
    }

    @Override
    public Optional<VerifiedBlock> block(long number) {
        return inTransaction(r -> r.block(number));
    }

    @Override
    public long eventCount(String clinicId) {
        return inTransaction(r -> r.eventCount(clinicId));
    }

    @Override
    public List<VerifiedEvent> events(String clinicId, int first, int limit) {
        return inTransaction(r -> r.events(clinicId, first, limit));
    }

    @Override
    public List<VerifiedEvent> eventsInBlock(long number, String clinicId) {
        return inTransaction(r -> r.eventsInBlock(number, clinicId));
    }

    @Override
    public Optional<VerifiedEvent> event(long id, String clinicId) {
        return inTransaction(r -> r.event(id, clinicId));
    }

    @Override
    public java.util.Map<String, Long> eventCountsByName(String clinicId) {
        return inTransaction(r -> r.eventCountsByName(clinicId));
    }

    @Override
    public List<org.custos.portal.ledger.domain.PersonalDataHit> personalData(int first, int limit) {
        return inTransaction(r -> r.personalData(first, limit));
    }

    @Override
    public List<String> clinics() {
        return inTransaction(JpaLedgerRepository::clinics);
    }

    @Override
    public List<IntegrityAlert> alerts(int first, int limit) {
        return inTransaction(r -> r.alerts(first, limit));
    }

    @Override
    public long alertCount() {
        return inTransaction(JpaLedgerRepository::alertCount);
    }

    @Override
    public void close() {
        emf.close();
        if (pool != null) {
            pool.dispose();
        }
        try {
            keeper.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
