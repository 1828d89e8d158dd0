package org.custos.portal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.application.SyncEngine.RunResult;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.ledger.testing.Sync;
import org.custos.portal.ledger.testing.TamperingProxy;
import org.custos.portal.ledger.testing.TestCertificates;
import org.custos.portal.ledger.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's node as production serves it (issue 13 B9): the demo chain in a real anvil behind a TLS proxy whose
 * certificate a consortium CA issued (made here with BouncyCastle) and which answers HTTP 401 without the right
 * bearer token. The sync works with the CA pinned ({@code custos.ledger.trust-store}) and the token
 * ({@code custos.ledger.authorization.1}); without the token, with a wrong one, or with another CA the endpoint's
 * status says why in words, after one request (a refusal is not retried). The token appears in no message and no
 * log record.
 */
class LedgerTlsIT {

    private static final String TOKEN = "Bearer test-token-" + Long.toHexString(System.nanoTime());
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path dir;

    private static DemoFixture fixture;
    private static Anvil anvil;
    private static TestCertificates consortium;
    private static SSLContext serverTls;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeAll
    static void node() throws Exception {
        fixture = DemoFixture.get();
        anvil = Anvil.startFixture(fixture.stateFile);
        consortium = TestCertificates.authority("Consortium test CA");
        serverTls = consortium.serverContext(consortium.server());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @BeforeEach
    void captureLogs() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    private static Map<String, String> config(String url, Path trustStore, String authorization) {
        Map<String, String> c = fixture.config(url);
        c.put("custos.ledger.sync.batch-size", "100");
        if (trustStore != null) {
            c.put("custos.ledger.trust-store", trustStore.toString());
        }
        if (authorization != null) {
            c.put("custos.ledger.authorization.1", authorization);
        }
        return c;
    }

    private static TestStore store() {
        return new TestStore("jdbc:h2:mem:ledger-tls-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void withThePinnedCaAndTheTokenTheSyncVerifiesTheWholeChain() throws Exception {
        Path pem = consortium.writePem(dir.resolve("consortium-ca.pem"));
        try (TamperingProxy proxy = TamperingProxy.tls(anvil.url(), serverTls, TOKEN); TestStore store = store();
             Sync sync = new Sync(config(proxy.url(), pem, TOKEN), store)) {
            assertThat(proxy.url()).startsWith("https://");
            SyncEngine.RunReport report = sync.run();
            assertThat(report.result()).as(report.message()).isEqualTo(RunResult.CAUGHT_UP);
            assertThat(store.state().orElseThrow().getVerifiedNumber()).isEqualTo(fixture.head);
            assertThat(proxy.refused()).isZero();
            assertThat(proxy.authorizations()).isNotEmpty().containsOnly(TOKEN);
            assertThat(sync.engine.endpoints().get(0).reachable()).isTrue();
        }
        assertTokenNeverLogged();
    }

    @Test
    void aPkcs12TrustStoreWithItsPasswordWorksAsWell() throws Exception {
        Path p12 = consortium.writePkcs12(dir.resolve("consortium-ca.p12"), "changeit-test");
        try (TamperingProxy proxy = TamperingProxy.tls(anvil.url(), serverTls, TOKEN); TestStore store = store()) {
            Map<String, String> c = config(proxy.url(), p12, TOKEN);
            c.put("custos.ledger.trust-store-password", "changeit-test");
            try (Sync sync = new Sync(c, store)) {
                SyncEngine.RunReport report = sync.run();
                assertThat(report.result()).as(report.message()).isEqualTo(RunResult.CAUGHT_UP);
            }
        }
    }

    @Test
    void withoutATokenTheEndpointShowsA401AndWhereTheCredentialsGo() throws Exception {
        Path pem = consortium.writePem(dir.resolve("ca-no-token.pem"));
        try (TamperingProxy proxy = TamperingProxy.tls(anvil.url(), serverTls, TOKEN); TestStore store = store();
             Sync sync = new Sync(config(proxy.url(), pem, null), store)) {
            SyncEngine.RunReport report = sync.run();
            assertThat(report.result()).isEqualTo(RunResult.UNREACHABLE);
            String error = sync.engine.endpoints().get(0).error();
            assertThat(error).contains("HTTP 401").contains("requires credentials")
                    .contains("CUSTOS_LEDGER_AUTHORIZATION_1");
            assertThat(store.state().orElseThrow().getLastError()).contains("HTTP 401");
            assertThat(proxy.refused()).isEqualTo(1);   // not retried: the answer would be the same
            assertThat(store.blockCount()).isZero();
        }
    }

    @Test
    void aWrongTokenIsRefusedAndNotShown() throws Exception {
        Path pem = consortium.writePem(dir.resolve("ca-wrong-token.pem"));
        String wrong = "Bearer wrong-" + Long.toHexString(System.nanoTime());
        try (TamperingProxy proxy = TamperingProxy.tls(anvil.url(), serverTls, TOKEN); TestStore store = store();
             Sync sync = new Sync(config(proxy.url(), pem, wrong), store)) {
            SyncEngine.RunReport report = sync.run();
            assertThat(report.result()).isEqualTo(RunResult.UNREACHABLE);
            assertThat(report.message()).contains("HTTP 401").contains("refused the configured credentials")
                    .doesNotContain(wrong).doesNotContain("wrong-");
            assertThat(store.state().orElseThrow().getLastError()).doesNotContain("wrong-");
            assertThat(proxy.authorizations()).containsOnly(wrong);
        }
        assertThat(logged).noneMatch(r -> text(r).contains("wrong-"));
        assertTokenNeverLogged();
    }

    @Test
    void aNodeCertificateFromAnotherCaIsRefusedWithACertificateReason() throws Exception {
        Path otherCa = TestCertificates.authority("Some other CA").writePem(dir.resolve("other-ca.pem"));
        try (TamperingProxy proxy = TamperingProxy.tls(anvil.url(), serverTls, TOKEN); TestStore store = store();
             Sync sync = new Sync(config(proxy.url(), otherCa, TOKEN), store)) {
            SyncEngine.RunReport report = sync.run();
            assertThat(report.result()).isEqualTo(RunResult.UNREACHABLE);
            assertThat(sync.engine.endpoints().get(0).error())
                    .contains("TLS: the node's certificate is not trusted by CUSTOS_LEDGER_TRUST_STORE (other-ca.pem");
            assertThat(proxy.requests()).isZero();   // nothing, not even the token, was sent
            assertThat(proxy.authorizations()).isEmpty();
        }
        assertTokenNeverLogged();
    }

    @Test
    void withoutATrustStoreTheJdkDefaultsDoNotTrustTheConsortiumCa() throws Exception {
        try (TamperingProxy proxy = TamperingProxy.tls(anvil.url(), serverTls, TOKEN); TestStore store = store();
             Sync sync = new Sync(config(proxy.url(), null, TOKEN), store)) {
            assertThat(sync.run().result()).isEqualTo(RunResult.UNREACHABLE);
            assertThat(sync.engine.endpoints().get(0).error())
                    .contains("TLS: the node's certificate is not trusted by the JDK's default CAs");
            assertThat(proxy.requests()).isZero();
        }
    }

    private void assertTokenNeverLogged() {
        assertThat(logged).noneMatch(r -> text(r).contains(TOKEN.substring("Bearer ".length())));
    }

    private static String text(LogRecord r) {
        StringBuilder s = new StringBuilder(String.valueOf(r.getMessage()));
        if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
                s.append(' ').append(p);
            }
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            s.append(' ').append(t);
        }
        return s.toString();
    }
}
