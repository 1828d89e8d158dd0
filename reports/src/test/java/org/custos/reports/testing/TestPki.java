package org.custos.reports.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.custos.reports.sign.SigningCredentials;

/**
 * A throw-away PKI generated with BouncyCastle at test time (never stored in the repository): a root CA, a
 * document-signing certificate, a timestamping certificate (EKU timeStamping, critical) and an empty CRL, all
 * valid around {@code now}. RSA 2048, SHA-256.
 */
public final class TestPki {

    public static final String CRL_URL = "http://127.0.0.1:9/custos-test-ca.crl";
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    public final Instant now;
    public final KeyPair caKeys;
    public final X509Certificate ca;
    public final KeyPair signerKeys;
    public final X509Certificate signer;
    public final KeyPair tsaKeys;
    public final X509Certificate tsa;
    public final X509CRL crl;
    private final String crlUrl;

    private TestPki(Instant now, String name, Duration signerValidity, String crlUrl)
            throws GeneralSecurityException, IOException {
        this.now = now;
        this.crlUrl = crlUrl;
        caKeys = rsa();
        X500Name caName = new X500Name("CN=" + name + " Test Root CA,O=Custos tests,C=EU");
        ca = certificate(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(3650)), true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), null);
        signerKeys = rsa();
        signer = certificate(new X500Name("CN=Custos Report Signer (" + name + "),O=Custos tests,C=EU"), caName,
                signerKeys.getPublic(), caKeys.getPrivate(), now.minus(Duration.ofDays(1)), now.plus(signerValidity),
                false, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null);
        tsaKeys = rsa();
        tsa = certificate(new X500Name("CN=Custos Test TSA (" + name + "),O=Custos tests,C=EU"), caName,
                tsaKeys.getPublic(), caKeys.getPrivate(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                false, new KeyUsage(KeyUsage.digitalSignature), new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        crl = crl(caName);
    }

    public static TestPki create(Instant now, String name) {
        return create(now, name, Duration.ofDays(365));
    }

    /** {@code signerValidity} after {@code now}; negative for a signer certificate that already expired. */
    public static TestPki create(Instant now, String name, Duration signerValidity) {
        return create(now, name, signerValidity, CRL_URL);
    }

    /** With {@code crlUrl} as the CRL distribution point of the signer and TSA certificates. */
    public static TestPki create(Instant now, String name, Duration signerValidity, String crlUrl) {
        try {
            return new TestPki(now, name, signerValidity, crlUrl);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public SigningCredentials credentials() {
        return new SigningCredentials(signerKeys.getPrivate(), List.of(signer, ca));
    }

    /** Writes the signer key and chain as a PKCS#12 keystore (what production reads). */
    public void writePkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", signerKeys.getPrivate(), password, new Certificate[] {signer, ca});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    public static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private X509Certificate certificate(X500Name subject, X500Name issuer, java.security.PublicKey key,
                                        PrivateKey issuerKey, Instant from, Instant to, boolean isCa,
                                        KeyUsage usage, ExtendedKeyUsage extendedUsage)
            throws GeneralSecurityException, IOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        builder.addExtension(Extension.keyUsage, true, usage);
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        if (!isCa) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(caKeys.getPublic()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
        if (extendedUsage != null) {
            builder.addExtension(Extension.extendedKeyUsage, true, extendedUsage);
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    }

    private X509CRL crl(X500Name issuer) throws GeneralSecurityException, IOException {
        return crl(issuer, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)));
    }

    /** A CRL of this CA valid from {@code thisUpdate} to {@code nextUpdate} listing {@code revoked}. */
    public X509CRL crl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        try {
            return crl(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), thisUpdate, nextUpdate,
                    revoked);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509CRL crl(X500Name issuer, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked)
            throws GeneralSecurityException, IOException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), 0);
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
        builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
        return new JcaX509CRLConverter().getCRL(builder.build(signer(caKeys.getPrivate())));
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(key);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
