package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.system.DatabaseConfiguration;
import org.custos.portal.system.SchemaMigrator;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailVerification;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Persistence inside Payara Micro, on the database the failsafe execution chose (H2, then PostgreSQL 15):
 * Flyway migrated the schema at startup, Hibernate stores and reads the trail, concurrent appends stay one
 * unbroken chain, and an entry changed behind the portal's back is detected.
 */
@ExtendWith(ArquillianExtension.class)
class TrailPersistenceIT {

    private static final SignedInUser ACTOR = new SignedInUser("it-user", "regulator", "clinic-north");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWar(TrailPersistenceIT.class).addAsResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(newestMigration()), "expected-schema-version.txt");
    }

    /** The highest Flyway version among the source tree's migrations (read on the client side). */
    private static String newestMigration() {
        try (java.util.stream.Stream<java.nio.file.Path> files =
                     java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    TrailService trail;

    @Inject
    SchemaMigrator schema;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Test
    void schemaIsMigratedOnTheChosenDatabase() {
        String expected = System.getProperty("custos.it.database");
        String newest;
        try (java.io.InputStream in = TrailPersistenceIT.class.getResourceAsStream("/expected-schema-version.txt")) {
            newest = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(newest, schema.schemaVersion());
        assertTrue(schema.databaseProduct().toLowerCase().startsWith(expected),
                "expected " + expected + " but runs on " + schema.databaseProduct());
    }

    @Test
    void appendsAreStoredChainedAndVerified() throws SQLException {
        long before = rows();
        TrailEntry first = trail.record(ACTOR, TrailAction.SIGN_IN, "session", null, "it: first");
        TrailEntry second = trail.record(ACTOR, TrailAction.SIGN_OUT, "session", null, "it: ł č ß ✓ <b>");
        assertEquals(before + 2, rows());
        assertEquals(first.getSeq() + 1, second.getSeq());
        assertEquals(first.getEntryHash(), second.getPrevHash());
        TrailVerification v = trail.verifyWithoutRecording();
        assertTrue(v.intact(), v.summary());
        assertEquals(before + 2, v.entriesChecked());
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = rows();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(executor.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    trail.record(ACTOR, TrailAction.SIGN_IN, "session", thread + "-" + i, "it: concurrent");
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        assertEquals(before + 60, rows());
        TrailVerification v = trail.verifyWithoutRecording();
        assertTrue(v.intact(), v.summary());
    }

    @Test
    void entryEditedBehindThePortalsBackIsDetected() throws SQLException {
        TrailEntry target = trail.record(ACTOR, TrailAction.SIGN_IN, "session", "tamper-me", "it: original");
        trail.record(ACTOR, TrailAction.SIGN_OUT, "session", null, "it: after");
        boolean postgres = "postgresql".equals(System.getProperty("custos.it.database"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (postgres) {
                SQLException refused = assertThrows(SQLException.class, () -> setActor(c, target.getSeq(), "mallory"));
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                // the table's owner can still switch the trigger off: then the hash chain must catch it
                s.execute("ALTER TABLE trail_entry DISABLE TRIGGER trail_entry_no_update_delete");
            }
            try {
                setActor(c, target.getSeq(), "mallory");
                TrailVerification v = trail.verifyWithoutRecording();
                assertFalse(v.intact());
                assertEquals(TrailVerification.Reason.ENTRY_HASH_MISMATCH, v.reason());
                assertEquals(target.getSeq(), v.seq());
                assertEquals(target.getEntryHash(), v.actual());
            } finally {
                setActor(c, target.getSeq(), ACTOR.name());
                if (postgres) {
                    s.execute("ALTER TABLE trail_entry ENABLE TRIGGER trail_entry_no_update_delete");
                }
            }
        }
        TrailVerification restored = trail.verifyWithoutRecording();
        assertTrue(restored.intact(), restored.summary());
    }

    private static void setActor(Connection c, long seq, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trail_entry SET actor = ? WHERE seq = ?")) {
            ps.setString(1, actor);
            ps.setLong(2, seq);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private long rows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM trail_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
