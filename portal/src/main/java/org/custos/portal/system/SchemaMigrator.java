package org.custos.portal.system;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway before the portal serves a request. Migrations live in
 * {@code db/migration/common} and {@code db/migration/<vendor>} (h2, postgresql). A failed migration fails the
 * deployment: the portal never runs on a schema it does not know.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    private String schemaVersion;
    private String databaseProduct;

    @PostConstruct
    void migrate() {
        databaseProduct = readProduct();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorFolder())
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        schemaVersion = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "schema at version " + schemaVersion + " on " + databaseProduct + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public String databaseProduct() {
        return databaseProduct;
    }

    /** The folder of vendor-specific migrations; an unsupported database fails the deployment. */
    private String vendorFolder() {
        String product = databaseProduct.toLowerCase(java.util.Locale.ROOT);
        if (product.startsWith("h2")) {
            return "h2";
        }
        if (product.startsWith("postgresql")) {
            return "postgresql";
        }
        throw new IllegalStateException("unsupported database: " + databaseProduct + " (use H2 or PostgreSQL)");
    }

    private String readProduct() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
