package org.custos.portal.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the portal's trust anchors and CRLs from the environment as the tests' validators get them, and the test
 * TSA's identity from a PKCS#12 keystore: several anchors in one PEM, blank CRL entries, and clear errors for a
 * missing variable, a file without a certificate, a truncated CRL and a keystore without exactly one key.
 */
class ConformanceSettingsTest {

    private static final TestPki ONE = TestPki.create(Instant.now(), "Settings one");
    private static final TestPki TWO = TestPki.create(Instant.now(), "Settings two");

    @TempDir
    static Path dir;
    private static Path anchors;
    private static Path crl;

    @BeforeAll
    static void files() throws Exception {
        anchors = Files.writeString(dir.resolve("anchors.pem"), TestPki.pem(ONE.ca) + TestPki.pem(TWO.ca));
        crl = Files.write(dir.resolve("ca.crl"), ONE.crl.getEncoded());
    }

    @Test
    void readsEveryAnchorOfThePemAndEveryNamedCrl() {
        ConformanceSettings settings = ConformanceSettings.fromEnvironment(Map.of(
                ConformanceSettings.TRUST_ANCHOR_ENV, anchors.toString(),
                ConformanceSettings.CRL_ENV, " ," + crl + ", "), "http://127.0.0.1:1");
        assertThat(settings.anchors()).containsExactly(ONE.ca, TWO.ca);
        assertThat(settings.crls()).containsExactly(ONE.crl);
        ConformanceSettings more = settings.with(List.of(TWO.ca, TWO.tsa), List.of(TWO.crl));
        assertThat(more.anchors()).containsExactly(ONE.ca, TWO.ca, TWO.tsa);
        assertThat(more.crls()).containsExactly(ONE.crl, TWO.crl);
    }

    @Test
    void withoutCrlsTheListIsEmpty() {
        assertThat(ConformanceSettings.fromEnvironment(Map.of(ConformanceSettings.TRUST_ANCHOR_ENV,
                anchors.toString()), "http://127.0.0.1:1").crls()).isEmpty();
    }

    @Test
    void missingOrBadInputIsAClearError() throws Exception {
        assertThatThrownBy(() -> ConformanceSettings.fromEnvironment(Map.of(), "http://127.0.0.1:1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CUSTOS_REPORTS_TRUST_ANCHOR");
        Path text = Files.writeString(dir.resolve("text.pem"), "no certificate here\n");
        assertThatThrownBy(() -> ConformanceSettings.readCertificates(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text.toString());
        Path empty = Files.write(dir.resolve("empty.pem"), new byte[0]);
        assertThatThrownBy(() -> ConformanceSettings.readCertificates(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no certificate");
        byte[] der = ONE.crl.getEncoded();
        Path truncated = Files.write(dir.resolve("truncated.crl"), java.util.Arrays.copyOf(der, der.length / 2));
        assertThatThrownBy(() -> ConformanceSettings.readCrl(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated.crl");
        assertThatThrownBy(() -> ConformanceSettings.readCrl(dir.resolve("missing.crl")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConformanceSettings(List.of(), List.of(), "http://127.0.0.1:1"))
                .hasMessageContaining("no trust anchor");
        assertThatThrownBy(() -> new ConformanceSettings(List.of(ONE.ca), List.of(), " "))
                .hasMessageContaining("no node URL");
    }

    @Test
    void theTsaIdentityComesFromAKeystoreWithOneKeyOrIsItsOwnCa() throws Exception {
        Path p12 = dir.resolve("signer.p12");
        ONE.writePkcs12(p12, "pw".toCharArray());
        TsaIdentity identity = TsaIdentity.fromEnvironment(Map.of(TsaIdentity.KEYSTORE_ENV, p12.toString(),
                TsaIdentity.PASSWORD_ENV, "pw"), Instant.now());
        assertThat(identity.chain()).containsExactly(ONE.signer, ONE.ca);
        assertThat(identity.extraAnchors()).isEmpty();
        assertThatThrownBy(() -> TsaIdentity.fromPkcs12(p12, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signer.p12");

        TsaIdentity own = TsaIdentity.fromEnvironment(Map.of(), Instant.now());
        assertThat(own.extraAnchors()).hasSize(1).containsExactly(own.chain().get(1));
        assertThat(own.extraCrls()).hasSize(1);
        assertThat(own.chain().get(0).getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    }
}
