package org.custos.portal.it;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Client side of {@link LedgerSyncIT} (never deployed): the consortium's demo fixture (the simulator's scenario,
 * committed as an anvil state dump with its counts in scenario.json) on an anvil of this JVM, the real WAR
 * with the ledger configuration for it in {@code WEB-INF/classes/META-INF/microprofile-config.properties} (as
 * an operator would set environment variables) and the simulator's counts as {@code ledger-sync-expected.properties}.
 * On PostgreSQL (a database kept between runs) the ledger tables are emptied first: each run syncs a new chain.
 */
public final class LedgerSyncChain {

    private static Anvil anvil;

    private LedgerSyncChain() {
    }

    static synchronized WebArchive deployment(Class<?> testClass) {
        try {
            DemoFixture chain = DemoFixture.get();
            if (anvil == null) {
                anvil = Anvil.startFixture(chain.stateFile);
                Anvil started = anvil;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            emptyLedgerTablesOnPostgres();
            Properties config = new Properties();
            config.putAll(chain.config(anvil.url()));
            config.put("custos.ledger.sync.batch-size", "50");
            config.put("custos.ledger.sync.interval-ms", "300");
            config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                    + chain.clinicIds.get(1));
            Properties expected = new Properties();
            expected.put("head", Long.toString(chain.head));
            expected.put("headHash", chain.headHash);
            expected.put("blocks", Long.toString(chain.blocks));
            expected.put("events", Long.toString(chain.events));
            for (Map.Entry<String, Long> e : chain.eventsByName.entrySet()) {
                expected.put("name." + e.getKey(), e.getValue().toString());
            }
            for (Map.Entry<String, Long> e : chain.eventsByClinic.entrySet()) {
                expected.put("clinic." + e.getKey(), e.getValue().toString());
            }
            expected.put("clinics", String.join(",", chain.clinicIds));
            return Deployments.portalWar(testClass)
                    .addAsResource(new StringAsset(text(config)), "META-INF/microprofile-config.properties")
                    .addAsResource(new StringAsset(text(expected)), "ledger-sync-expected.properties");
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the ledger sync deployment", e);
        }
    }

    private static String text(Properties p) {
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** On PostgreSQL (kept between runs) empties the ledger tables, so that a deployment syncs its chain afresh. */
    public static void emptyLedgerTablesOnPostgres() throws SQLException {
        if (!"postgresql".equals(System.getProperty("custos.it.database"))) {
            return;
        }
        String url = System.getenv("CUSTOS_IT_PG_URL");
        String user = System.getenv("CUSTOS_IT_PG_USER");
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            boolean migrated = c.getMetaData().getTables(null, null, "ledger_sync_state", null).next();
            if (migrated) {
                // every table that references ledger_block first (a fixture with planted leaks fills the hits)
                s.execute("DELETE FROM ledger_personal_data");
                s.execute("DELETE FROM ledger_event");
                s.execute("DELETE FROM ledger_block");
                s.execute("DELETE FROM ledger_alert");
                s.execute("DELETE FROM ledger_sync_state");
            }
        }
    }
}
