package org.custos.portal.reports.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custos.portal.reports.application.SignedReportFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published trust anchor: from a PEM file, else the keystore chain's last certificate; bad files say why. */
class ReportTrustAnchorTest {

    private static SignedReportFixture pki;

    @TempDir
    Path temp;

    @BeforeAll
    static void ca() {
        pki = SignedReportFixture.create(Instant.now(), "Anchor");
    }

    @Test
    void aPemFileWithTwoCertificatesRoundTrips() throws Exception {
        String pem = ReportTrustAnchor.pem(List.of(pki.ca, pki.signerCertificate()));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(pem.lines()).allMatch(l -> l.length() <= 64);
        Path file = Files.writeString(temp.resolve("anchor.pem"), pem);
        ReportTrustAnchor.Anchor anchor = ReportTrustAnchor.fromPem(file);
        assertThat(anchor.certificates()).containsExactly(pki.ca, pki.signerCertificate());
        assertThat(anchor.pem()).isEqualTo(pem);
        assertThat(anchor.subjects()).contains("Anchor Test Report CA");
    }

    @Test
    void withoutAPemTheKeystoresLastChainCertificateIsTheAnchor() throws Exception {
        Path p12 = temp.resolve("signer.p12");
        pki.writePkcs12(p12, "secret-pw".toCharArray());
        ReportTrustAnchor.Anchor anchor = ReportTrustAnchor.fromKeystore(p12, "secret-pw", null);
        assertThat(anchor.certificates()).containsExactly(pki.ca);
        assertThat(ReportTrustAnchor.fromKeystore(p12, "secret-pw", "signer").certificates()).containsExactly(pki.ca);
        assertThatThrownBy(() -> ReportTrustAnchor.fromKeystore(p12, "wrong", null))
                .isInstanceOf(ReportTrustAnchor.Unavailable.class)
                .hasMessageContaining("could not be read").hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> ReportTrustAnchor.fromKeystore(p12, "secret-pw", "nobody"))
                .isInstanceOf(ReportTrustAnchor.Unavailable.class).hasMessageContaining("no certificate chain");
    }

    @Test
    void badFilesAreUnavailableWithTheirReason() throws Exception {
        assertThatThrownBy(() -> ReportTrustAnchor.fromPem(temp.resolve("missing.pem")))
                .isInstanceOf(ReportTrustAnchor.Unavailable.class).hasMessageContaining("does not exist")
                .matches(e -> ((ReportTrustAnchor.Unavailable) e).configured());
        Path garbage = Files.writeString(temp.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnope\n");
        assertThatThrownBy(() -> ReportTrustAnchor.fromPem(garbage))
                .isInstanceOf(ReportTrustAnchor.Unavailable.class).hasMessageContaining("not a PEM certificate");
        Path empty = Files.write(temp.resolve("empty.pem"), new byte[0]);
        assertThatThrownBy(() -> ReportTrustAnchor.fromPem(empty)).isInstanceOf(ReportTrustAnchor.Unavailable.class);
        Path huge = Files.write(temp.resolve("huge.pem"), new byte[(int) ReportTrustAnchor.MAX_PEM_BYTES + 1]);
        assertThatThrownBy(() -> ReportTrustAnchor.fromPem(huge))
                .isInstanceOf(ReportTrustAnchor.Unavailable.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> ReportTrustAnchor.parse("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ReportTrustAnchor.Unavailable.class);
    }
}
