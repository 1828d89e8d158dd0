package org.custos.portal.system;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's JTA data source. Every value is a MicroProfile Config expression with its default inside it
 * (the WAR's own config file is not visible this early), so environment variables switch databases without a
 * rebuild: {@code CUSTOS_DB_URL}, {@code CUSTOS_DB_USER}, {@code CUSTOS_DB_PASSWORD} and, for PostgreSQL,
 * {@code CUSTOS_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource}. The default is an embedded H2
 * database in file mode under {@code ./custos-data}; the demo script points it at its data directory.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = DatabaseConfiguration.JNDI_NAME,
        className = "${MPCONFIG=custos.db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=custos.db.url:jdbc:h2:file:./custos-data/custos;DB_CLOSE_ON_EXIT=FALSE}",
        user = "${MPCONFIG=custos.db.user:custos}",
        password = "${MPCONFIG=custos.db.password:}",
        minPoolSize = 1,
        maxPoolSize = 20)
public class DatabaseConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/custos";
}
