package org.custos.portal.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.Test;

/**
 * The tests' timestamp authority answers a real RFC 3161 request with a token that verifies under its certificate,
 * whether its key is RSA (the Java test PKI) or EC P-256 (the keystore scripts/lib/reports-pki.sh issues and
 * {@code CUSTOS_TEST_TSA_KEYSTORE} names, used here when it is set), and refuses what is not a timestamp query.
 */
class ReportsTsaTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anRsaTsaSignsAVerifiableToken() throws Exception {
        TsaIdentity identity = TsaIdentity.of(TestPki.create(NOW, "ReportsTsaTest"));
        assertThat(ReportsTsa.signatureAlgorithm(identity)).isEqualTo("SHA256withRSA");
        assertTimestamps(identity);
    }

    @Test
    void anEcTsaSignsAVerifiableToken() throws Exception {
        TsaIdentity identity = ecIdentity();
        assertThat(ReportsTsa.signatureAlgorithm(identity)).isEqualTo("SHA256withECDSA");
        assertTimestamps(identity);
    }

    @Test
    void theScriptsTsaKeystoreWhenTheEnvironmentNamesIt() throws Exception {
        String keystore = System.getenv(TsaIdentity.KEYSTORE_ENV);
        if (keystore == null || keystore.isBlank()) {
            // outside scripts/services.sh the variable is not set: the fallback is a CA of the TSA's own
            TsaIdentity own = TsaIdentity.fromEnvironment(Map.of(), NOW);
            assertThat(own.extraAnchors()).hasSize(1);
            assertTimestamps(own);
            return;
        }
        TsaIdentity identity = TsaIdentity.fromEnvironment(System.getenv(), Instant.now());
        X509Certificate tsa = identity.chain().get(0);
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(tsa.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(identity.chain()).hasSize(2);
        tsa.verify(identity.chain().get(1).getPublicKey());
        assertThat(identity.extraAnchors()).isEmpty();
        // the scripts' certificate was issued minutes ago: time stamps at the present
        assertTimestamps(identity, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void whatIsNotATimestampQueryIsRefused() throws Exception {
        try (ReportsTsa tsa = new ReportsTsa(ecIdentity(), Clock.fixed(NOW, ZoneOffset.UTC), 0)) {
            for (byte[] body : List.of(new byte[0], "not a request".getBytes(), new byte[] {0x30, (byte) 0x82})) {
                HttpResponse<byte[]> answer = post(tsa.url(), body);
                assertThat(answer.statusCode()).isEqualTo(400);
            }
            HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(tsa.url()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).isEqualTo(400);
            assertThat(tsa.served()).isZero();
        }
    }

    @Test
    void aKeyTheTsaCannotUseIsNamed() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        TsaIdentity identity = new TsaIdentity(dsa.generateKeyPair().getPrivate(), ecIdentity().chain(), List.of(),
                List.of());
        assertThatThrownBy(() -> ReportsTsa.signatureAlgorithm(identity)).hasMessageContaining("DSA");
    }

    private static void assertTimestamps(TsaIdentity identity) throws Exception {
        assertTimestamps(identity, NOW);
    }

    private static void assertTimestamps(TsaIdentity identity, Instant now) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("a report".getBytes());
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        BigInteger nonce = BigInteger.valueOf(42);
        var request = requests.generate(TSPAlgorithms.SHA256, digest, nonce);
        try (ReportsTsa tsa = new ReportsTsa(identity, Clock.fixed(now, ZoneOffset.UTC), 0)) {
            HttpResponse<byte[]> answer = post(tsa.url(), request.getEncoded());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            assertThat(token).isNotNull();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(identity.chain().get(0)));
            assertThat(token.getTimeStampInfo().getGenTime()).isEqualTo(Date.from(now));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(nonce);
            assertThat(tsa.served()).isEqualTo(1);
        }
    }

    private static HttpResponse<byte[]> post(URI url, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An EC P-256 TSA certificate like the scripts' (self-signed here: the token check needs only its key). */
    private static TsaIdentity ecIdentity() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=ReportsTsaTest EC TSA");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(NOW.minus(Duration.ofDays(1))),
                Date.from(NOW.plus(Duration.ofDays(730))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new TsaIdentity(keys.getPrivate(), List.of(certificate), List.of(), List.of());
    }
}
