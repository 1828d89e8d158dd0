package org.custos.reports.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing one key among several in a PKCS#12 keystore, and the errors when the choice cannot be made. */
class SigningCredentialsTest {

    private static final char[] PASSWORD = "t3st-only".toCharArray();
    private static final TestPki FIRST = TestPki.create(Instant.parse("2026-04-02T08:30:00Z"), "First");
    private static final TestPki SECOND = TestPki.create(Instant.parse("2026-04-02T08:30:00Z"), "Second");

    @TempDir
    static Path dir;
    private static Path several;

    @BeforeAll
    static void keystoreWithTwoKeysAndATrustedCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("reports-2026", FIRST.signerKeys.getPrivate(), PASSWORD,
                new Certificate[] {FIRST.signer, FIRST.ca});
        store.setKeyEntry("reports-2027", SECOND.signerKeys.getPrivate(), PASSWORD,
                new Certificate[] {SECOND.signer, SECOND.ca});
        store.setCertificateEntry("root-only", FIRST.ca);
        several = dir.resolve("several.p12");
        try (OutputStream out = Files.newOutputStream(several)) {
            store.store(out, PASSWORD);
        }
    }

    @Test
    void theNamedAliasIsLoadedWithItsChain() throws Exception {
        SigningCredentials credentials = SigningCredentials.fromPkcs12(several, PASSWORD, "reports-2027");
        assertThat(credentials.certificate()).isEqualTo(SECOND.signer);
        assertThat(credentials.chain()).containsExactly(SECOND.signer, SECOND.ca);
        assertThat(credentials.key().getEncoded()).isEqualTo(SECOND.signerKeys.getPrivate().getEncoded());
        assertThat(SigningCredentials.fromPkcs12(several, PASSWORD, "reports-2026").certificate())
                .isEqualTo(FIRST.signer);
    }

    @Test
    void withoutAnAliasSeveralKeysAreRefusedNamingThem() {
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(several, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one private key")
                .hasMessageContaining("holds 2").hasMessageContaining("reports-2026")
                .hasMessageContaining("reports-2027").hasMessageContaining("name the alias");
    }

    @Test
    void anUnknownAliasIsAClearError() {
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(several, PASSWORD, "reports-2025"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private key with alias 'reports-2025'")
                .hasMessageContaining("reports-2026").hasMessageContaining("reports-2027");
    }

    @Test
    void anAliasOfACertificateWithoutKeyIsRefused() {
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(several, PASSWORD, "root-only"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private key with alias 'root-only'");
    }

    @Test
    void blankOrNullAliasAndWrongPasswordAreRefused() {
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(several, PASSWORD, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias must not be blank");
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(several, PASSWORD, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(several, "wrong".toCharArray(), "reports-2026"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read keystore");
    }
}
