package org.custos.portal.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.LedgerConfigException;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the node transport settings: defaults sized from the batch, limits in range, credentials per endpoint
 * (counted from 1, never shown, never over plain http to another host), trust stores as PEM or PKCS#12 with clear
 * errors for a missing file, a wrong password or no certificate.
 */
class NodeTransportTest {

    private static final String SECRET = "Bearer s3cr3t-value";

    @TempDir
    Path dir;

    private static NodeTransport transport(Map<String, String> config) {
        LedgerSettings settings = LedgerSettings.from(key -> Optional.ofNullable(config.get(key)));
        return NodeTransport.from(settings, key -> Optional.ofNullable(config.get(key)));
    }

    private static Map<String, String> urls(String urls) {
        Map<String, String> c = new HashMap<>();
        c.put("custos.ledger.urls", urls);
        return c;
    }

    @Test
    void theDefaultsHoldABatchOfBlocksAndTheDeadlineIsTwiceTheTimeout() {
        NodeTransport t = transport(urls("http://127.0.0.1:8545"));
        assertThat(t.limits().maxBytes()).isEqualTo(100 * 64 * 1024);
        assertThat(t.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        Map<String, String> small = urls("http://127.0.0.1:8545");
        small.put("custos.ledger.sync.batch-size", "10");
        assertThat(transport(small).limits().maxBytes()).isEqualTo(4L * 1024 * 1024);
        Map<String, String> big = urls("http://127.0.0.1:8545");
        big.put("custos.ledger.sync.batch-size", "2000");
        assertThat(transport(big).limits().maxBytes()).isEqualTo(2000L * 64 * 1024);
    }

    @Test
    void limitsAreConfigurableWithinRange() {
        Map<String, String> c = urls("http://127.0.0.1:8545");
        c.put("custos.ledger.max-response-bytes", "1048576");
        c.put("custos.ledger.call-timeout-seconds", "30");
        NodeTransport t = transport(c);
        assertThat(t.limits().maxBytes()).isEqualTo(1048576);
        assertThat(t.callTimeout()).isEqualTo(Duration.ofSeconds(30));
        for (String wrong : new String[] {"0", "-1", "5000000000", "lots", "1.5"}) {
            c.put("custos.ledger.max-response-bytes", wrong);
            assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                    .hasMessageContaining("CUSTOS_LEDGER_MAX_RESPONSE_BYTES").hasMessageContaining(wrong);
        }
    }

    @Test
    void credentialsArePerEndpointCountedFromOneAndNeverShown() {
        Map<String, String> c = urls("https://node-a.example:8545,https://node-b.example:8545");
        c.put("custos.ledger.authorization", "Bearer shared");
        c.put("custos.ledger.authorization.2", SECRET);
        NodeTransport t = transport(c);
        assertThat(t.toString()).doesNotContain("shared").doesNotContain("s3cr3t").contains("credentials=2");
        assertThat(t.service("https://node-a.example:8545").toString()).doesNotContain("shared");

        c.put("custos.ledger.authorization.0", SECRET);
        assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("CUSTOS_LEDGER_AUTHORIZATION_0").hasMessageContaining("counted from 1")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void credentialsOverPlainHttpAreRefusedExceptOnTheLoopbackHost() {
        Map<String, String> c = urls("http://node-a.example:8545");
        c.put("custos.ledger.authorization.1", SECRET);
        assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("CUSTOS_LEDGER_AUTHORIZATION_1").hasMessageContaining("in clear")
                .hasMessageNotContaining("s3cr3t");
        for (String local : new String[] {"http://127.0.0.1:8545", "http://localhost:8545", "http://[::1]:8545"}) {
            Map<String, String> ok = urls(local);
            ok.put("custos.ledger.authorization", SECRET);
            assertThat(transport(ok)).isNotNull();
        }
        Map<String, String> broken = urls("https://node-a.example:8545");
        broken.put("custos.ledger.authorization", "Bearer a\r\nX-Injected: 1");
        assertThatThrownBy(() -> transport(broken)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("printable ASCII");
    }

    @Test
    void trustStoresLoadFromPemAndPkcs12WithClearErrors() throws Exception {
        TestCertificates ca = TestCertificates.authority("Consortium test CA");
        Map<String, String> c = urls("https://node-a.example:8545");
        c.put("custos.ledger.trust-store", ca.writePem(dir.resolve("ca.pem")).toString());
        assertThat(transport(c).toString()).contains("ca.pem, 1 CA");

        Path p12 = ca.writePkcs12(dir.resolve("ca.p12"), "pw-123");
        c.put("custos.ledger.trust-store", p12.toString());
        c.put("custos.ledger.trust-store-password", "pw-123");
        assertThat(transport(c).toString()).contains("ca.p12, 1 CA");

        c.remove("custos.ledger.trust-store-password");
        assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("holds no certificate").hasMessageContaining("CUSTOS_LEDGER_TRUST_STORE_PASSWORD");

        c.put("custos.ledger.trust-store-password", "wrong");
        assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("CUSTOS_LEDGER_TRUST_STORE").hasMessageContaining("ca.p12")
                .hasMessageContaining("CUSTOS_LEDGER_TRUST_STORE_PASSWORD");

        c.put("custos.ledger.trust-store", dir.resolve("missing.pem").toString());
        assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("cannot read the trust store");

        Path empty = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\n");
        c.put("custos.ledger.trust-store", empty.toString());
        assertThatThrownBy(() -> transport(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("CUSTOS_LEDGER_TRUST_STORE");
    }
}
