package org.custos.portal.reports.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.Evidence;
import org.custos.reports.model.Finding;
import org.custos.reports.model.ReportHeader;
import org.custos.reports.model.Severity;
import org.custos.reports.model.VerificationSummary;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.sign.SigningCredentials;

/**
 * A throw-away CA and report-signing certificate made with BouncyCastle at test time (never stored), and signed
 * clinic audit reports carrying a given evidence transcript, rendered and signed by the reports module's real
 * renderer and PAdES signer; plus the tampered variants the verify page must refuse.
 */
public final class SignedReportFixture {

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    public final Instant now;
    public final X509Certificate ca;
    private final KeyPair caKeys;
    private final KeyPair signerKeys;
    private final X509Certificate signer;

    private SignedReportFixture(Instant now, String name) throws GeneralSecurityException, IOException {
        this.now = now;
        caKeys = rsa();
        X500Name caName = new X500Name("CN=" + name + " Test Report CA,O=Custos portal tests,C=EU");
        ca = certificate(caName, caName, caKeys.getPublic(), now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(3650)), true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
        signerKeys = rsa();
        signer = certificate(new X500Name("CN=Custos Report Signer (" + name + "),O=Custos portal tests,C=EU"), caName,
                signerKeys.getPublic(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    public static SignedReportFixture create(Instant now, String name) {
        try {
            return new SignedReportFixture(now, name);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate signerCertificate() {
        return signer;
    }

    /** The signer's key and chain (signer, CA) as a PKCS#12 keystore, as production reads it. */
    public void writePkcs12(java.nio.file.Path file, char[] password) {
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signer", signerKeys.getPrivate(), password,
                    new java.security.cert.Certificate[] {signer, ca});
            store.store(out, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transcript citing blocks {@code number -> hash} in the given order (numbers as JSON-RPC quantities). */
    public static String evidence(List<long[]> numbersAndSeeds, java.util.function.LongFunction<String> hash) {
        StringBuilder blocks = new StringBuilder();
        for (long[] b : numbersAndSeeds) {
            blocks.append(blocks.length() == 0 ? "" : ",").append("{\"block\":{\"number\":\"0x")
                    .append(Long.toHexString(b[0])).append("\",\"hash\":\"").append(hash.apply(b[1]))
                    .append("\",\"parentHash\":\"0x").append("00".repeat(32)).append("\"}}");
        }
        return "{\"version\":\"custos-evidence/1\",\"chain\":{\"chainId\":\"0x7a69\",\"consensus\":\"dev\","
                + "\"checkpoint\":{\"number\":\"0x0\",\"hash\":\"0x" + "11".repeat(32) + "\"},\"validators\":[]},"
                + "\"blocks\":[" + blocks + "],\"events\":[],\"stateProofs\":[],\"merkleProofs\":[]}";
    }

    /** A clinic audit report embedding {@code evidenceJson}, rendered and signed (PAdES-B-B) at {@link #now}. */
    public byte[] signedReport(String reportId, String evidenceJson) {
        return signedReport(credentials(), now, reportId, evidenceJson);
    }

    public SigningCredentials credentials() {
        return new SigningCredentials(signerKeys.getPrivate(), List.of(signer, ca));
    }

    /** A clinic audit report embedding {@code evidenceJson}, rendered and signed (PAdES-B-B) with {@code key}. */
    public static byte[] signedReport(SigningCredentials key, Instant at, String reportId, String evidenceJson) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        ClinicAuditReport report = new ClinicAuditReport(new ReportHeader(reportId, "Custos regulator portal (tests)",
                "Regulator"), "clinic-north", "Verify page test report", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), new VerificationSummary(0, 3, "0x" + "11".repeat(32), "0x" + "22".repeat(32),
                "dev", List.of(), "VERIFIED 4 blocks (test)"),
                List.of(new Finding("GDPR-ER-01", "GDPR Art 17(1)", Severity.values()[0], "open", "A test finding.")),
                Evidence.of(evidenceJson));
        try {
            byte[] pdf = new ReportRenderer(clock).render(report);
            return new PadesSigner(key, clock, null).sign(pdf, "Custos report", "tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One byte of the signed content changed (in the header's binary comment: the PDF still parses). */
    public static byte[] oneByteChanged(byte[] pdf) {
        byte[] changed = pdf.clone();
        int at = 10;
        changed[at] = (byte) (changed[at] ^ 0x01);
        return changed;
    }

    /** An incremental update appended after signing (the catalogue gets a new entry), as a PDF editor would. */
    public static byte[] incrementalUpdateAppended(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setString(COSName.getPDFName("CustosTamper"), "appended after signing");
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private X509Certificate certificate(X500Name subject, X500Name issuer, PublicKey key, Instant from, Instant to,
                                        boolean isCa, int usage) throws GeneralSecurityException, IOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        if (!isCa) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(caKeys.getPublic()));
        }
        PrivateKey issuerKey = caKeys.getPrivate();
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
