package org.custos.reports.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.CrlFiles;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.verify.ReportVerificationResult;
import org.custos.reports.verify.SignedReportVerifier;

/**
 * Writes the conformance corpus that veraPDF, pdfsig and EU DSS check, using the real renderer and signer (run by
 * the build in a JVM with BouncyCastle 1.86, before the integration tests): for each report type
 * {@code NAME.pdf} (unsigned), {@code NAME-b.pdf} (PAdES B-B), {@code NAME-t.pdf} (B-T, local TSA) and
 * {@code NAME-lt.pdf} (B-LT: the chains and the CA's CRL in a {@code /DSS} update after the signature), plus
 * {@code ca.pem}, {@code ca.crl} (DER), {@code corpus.properties} (the names and the signing time). Every signed
 * file is re-verified with {@link SignedReportVerifier} before it is written; any failure exits non-zero.
 *
 * <p>The clock is fixed at the generation instant: the external validators judge at their own current time, so
 * the test PKI is valid around it.
 */
public final class ConformanceCorpus {

    private ConformanceCorpus() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConformanceCorpus OUTPUT_DIR");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        TestPki pki = TestPki.create(now, "Conformance");
        Files.writeString(dir.resolve("ca.pem"), TestPki.pem(pki.ca), StandardCharsets.US_ASCII);
        Files.write(dir.resolve("ca.crl"), pki.crl.getEncoded());
        SignedReportVerifier verifier = new SignedReportVerifier(List.of(pki.ca), clock);
        ReportRenderer renderer = new ReportRenderer(clock);
        Properties index = new Properties();
        try (LocalTsa tsa = new LocalTsa(pki, clock)) {
            PadesSigner b = new PadesSigner(pki.credentials(), clock, null);
            PadesSigner t = new PadesSigner(pki.credentials(), clock,
                    new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10)));
            PadesSigner lt = new PadesSigner(pki.credentials(), clock,
                    new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10)), CrlFiles.of(List.of(pki.crl)));
            for (SampleReports.Named sample : SampleReports.all()) {
                byte[] unsigned = renderer.render(sample.report());
                Files.write(dir.resolve(sample.name() + ".pdf"), unsigned);
                write(dir.resolve(sample.name() + "-b.pdf"), b.sign(unsigned, "Custos compliance report", "Custos"),
                        verifier, "PAdES-B-B");
                write(dir.resolve(sample.name() + "-t.pdf"), t.sign(unsigned, "Custos compliance report", "Custos"),
                        verifier, "PAdES-B-T");
                write(dir.resolve(sample.name() + "-lt.pdf"), lt.sign(unsigned, "Custos compliance report", "Custos"),
                        verifier, "PAdES-B-LT");
            }
        }
        index.setProperty("reports", String.join(",", SampleReports.all().stream().map(SampleReports.Named::name)
                .toList()));
        index.setProperty("signedAt", now.toString());
        try (var out = Files.newBufferedWriter(dir.resolve("corpus.properties"))) {
            index.store(out, "Custos reports conformance corpus");
        }
        System.out.println("conformance corpus written to " + dir);
    }

    private static void write(Path file, byte[] signed, SignedReportVerifier verifier, String level)
            throws IOException {
        ReportVerificationResult result = verifier.verify(signed);
        if (!result.verified() || !result.facts().level().equals(level)) {
            throw new IllegalStateException(file + " does not verify as " + level + ": " + result);
        }
        Files.write(file, signed);
    }
}
