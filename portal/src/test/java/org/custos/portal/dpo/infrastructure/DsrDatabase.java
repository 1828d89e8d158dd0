package org.custos.portal.dpo.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import java.util.function.Function;
import org.custos.portal.dpo.domain.DsrProjection;
import org.custos.portal.dpo.domain.DsrRequest;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The request queue's real schema (the portal's Flyway migrations, V10 included) and mapping (Hibernate) outside the
 * container, on an H2 in-memory database of the test's own, or on PostgreSQL for the benchmark
 * ({@code jdbc:postgresql:…?user=…}); each piece of work in a resource-local transaction of its own.
 */
public final class DsrDatabase implements AutoCloseable {

    private final EntityManagerFactory emf;
    private final java.sql.Connection keeper;
    private final JdbcConnectionPool pool;

    /** A fresh H2 in-memory database. */
    public DsrDatabase() {
        this("jdbc:h2:mem:dsr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public DsrDatabase(String jdbcUrl) {
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
        Configuration cfg = new Configuration().addAnnotatedClass(DsrRequest.class)
                .addAnnotatedClass(DsrProjection.class);
        if (postgres) {
            pool = null;
            cfg.setProperty(AvailableSettings.JAKARTA_JDBC_URL, jdbcUrl);
            cfg.setProperty(AvailableSettings.POOL_SIZE, "2");
        } else {
            pool = JdbcConnectionPool.create((JdbcDataSource) ds);
            cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        }
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "200");
        cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        cfg.setProperty("hibernate.xml_mapping_enabled", "false");
        emf = cfg.buildSessionFactory();
    }

    /** Runs {@code work} in a transaction of its own with a fresh entity manager. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
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

    /** An entity manager the caller closes, with a transaction open (for a service under test). */
    public EntityManager open() {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        return em;
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
