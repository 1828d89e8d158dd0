package org.custos.reports.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
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
import org.custos.reports.verify.SignedReportVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 100-page clinic audit report (title page, verification summary, about 1,400 findings in a table that breaks
 * across pages with repeated headers, evidence appendix): rendered to PDF/A-3b, signed PAdES B-B (RSA 2048), both
 * together, and verified by {@link SignedReportVerifier}. The fork runs with {@code -Xmx256m}: the work must fit a
 * bounded heap. Setup calibrates the number of findings to exactly 100 pages and checks the signed file verifies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
public class ClinicAuditBenchmark {

    static final int PAGES = 100;
    private static final Instant NOW = Instant.parse("2026-04-02T08:30:00Z");

    private ReportRenderer renderer;
    private PadesSigner signer;
    private SignedReportVerifier verifier;
    private ClinicAuditReport report;
    private byte[] rendered;
    private byte[] signed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        renderer = new ReportRenderer(clock);
        KeyPair keys = rsa();
        X509Certificate certificate = selfSigned(keys);
        signer = new PadesSigner(new SigningCredentials(keys.getPrivate(), List.of(certificate)), clock, null);
        verifier = new SignedReportVerifier(List.of(certificate), clock);
        report = calibrate();
        rendered = renderer.render(report);
        signed = signer.sign(rendered, "benchmark", "Custos");
        if (!verifier.verify(signed).verified()) {
            throw new IllegalStateException("the benchmark report does not verify: " + verifier.verify(signed));
        }
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(report);
    }

    @Benchmark
    public byte[] sign() throws IOException {
        return signer.sign(rendered, "benchmark", "Custos");
    }

    @Benchmark
    public byte[] renderAndSign() throws IOException {
        return signer.sign(renderer.render(report), "benchmark", "Custos");
    }

    @Benchmark
    public boolean verify() {
        return verifier.verify(signed).verified();
    }

    private ClinicAuditReport calibrate() throws IOException {
        int low = 1;
        int high = 4000;
        while (low < high) {
            int mid = (low + high) / 2;
            if (pages(report(mid)) < PAGES) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        ClinicAuditReport calibrated = report(low);
        if (pages(calibrated) != PAGES) {
            throw new IllegalStateException("cannot calibrate to " + PAGES + " pages: " + pages(calibrated));
        }
        return calibrated;
    }

    private int pages(ClinicAuditReport candidate) throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(candidate))) {
            return document.getNumberOfPages();
        }
    }

    static ClinicAuditReport report(int findings) {
        List<Finding> list = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < findings; i++) {
            list.add(new Finding("GDPR-ER-0" + (1 + i % 5), "GDPR Art 17(1), Art 12(3)", severities[i % 4],
                    i % 2 == 0 ? "open" : "resolved", "Erasure request " + i + " of subject Łódź-" + i
                    + " completed after the deadline; proof: receipt in block " + (10_000 + i) + "."));
        }
        String hash = "0x" + "ab".repeat(32);
        return new ClinicAuditReport(new ReportHeader("BENCH-100", "Benchmark regulator", "Benchmark clinic"),
                "Benchmark clinic", "benchmark", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                new VerificationSummary(0, 1000, hash, hash, "dev", List.of(), "VERIFIED 1,001 blocks"), list,
                Evidence.of("{\"version\":\"custos-evidence/1\",\"blocks\":[]}"));
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=Custos benchmark signer");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(365))), name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
