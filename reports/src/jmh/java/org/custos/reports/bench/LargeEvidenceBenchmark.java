package org.custos.reports.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.Evidence;
import org.custos.reports.model.ReportHeader;
import org.custos.reports.model.VerificationSummary;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.sign.SigningCredentials;
import org.custos.reports.verify.ReportVerificationResult;
import org.custos.reports.verify.SignedReportVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A consortium integrity report whose evidence is a 100 MiB file (about the transcript of 100,000 blocks):
 * {@code Evidence.ofFile} (streamed SHA-256) + render to a file + sign PAdES B-B file to file, and
 * {@code SignedReportVerifier.verify(Path)} of the signed file. Single-shot: one operation is one report. The
 * fork's heap is capped at 512 MiB ({@code -Xmx512m}); after each iteration the peak heap is printed as
 * "peak heap: N MiB", the sum of the heap pools' peak usage since the iteration began (an upper bound: the pools
 * may peak at different moments).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class LargeEvidenceBenchmark {

    static final long EVIDENCE_BYTES = 100L << 20;
    private static final Instant NOW = Instant.parse("2026-04-02T08:30:00Z");

    private Path dir;
    private Path evidenceFile;
    private Path signedFile;
    private ReportRenderer renderer;
    private PadesSigner signer;
    private SignedReportVerifier verifier;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("custos-large-evidence");
        evidenceFile = dir.resolve("evidence.json");
        writeEvidence(evidenceFile);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        renderer = new ReportRenderer(clock);
        KeyPair keys = ClinicAuditBenchmark.rsa();
        X509Certificate certificate = ClinicAuditBenchmark.selfSigned(keys);
        signer = new PadesSigner(new SigningCredentials(keys.getPrivate(), List.of(certificate)), clock, null);
        verifier = new SignedReportVerifier(List.of(certificate), clock);
        signedFile = renderAndSign();
        ReportVerificationResult result = verifier.verify(signedFile);
        if (!result.verified() || result.evidenceSize() != EVIDENCE_BYTES) {
            throw new IllegalStateException("the benchmark report does not verify: " + result);
        }
        System.out.println("signed report: " + Files.size(signedFile) + " bytes, evidence " + EVIDENCE_BYTES);
    }

    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @TearDown(Level.Iteration)
    public void printPeak() {
        long peak = heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.println("peak heap: " + (peak >> 20) + " MiB");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public Path renderAndSign() throws IOException {
        Evidence evidence = Evidence.ofFile(evidenceFile);
        String hash = "0x" + "ab".repeat(32);
        ConsortiumIntegrityReport report = new ConsortiumIntegrityReport(new ReportHeader("BENCH-LARGE",
                "Benchmark regulator", "Benchmark consortium"), "Benchmark consortium",
                new VerificationSummary(0, 99_999, hash, hash, "qbft", List.of(), "VERIFIED 100,000 blocks"),
                List.of(), List.of(), List.of(), evidence, List.of());
        Path pdf = dir.resolve("report.pdf");
        Path signed = dir.resolve("report-signed.pdf");
        renderer.render(report, pdf);
        signer.sign(pdf, signed, "benchmark", "Custos");
        return signed;
    }

    @Benchmark
    public boolean verify() throws IOException {
        return verifier.verify(signedFile).verified();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    /** Block-like JSON records (hex hashes) up to exactly {@link #EVIDENCE_BYTES}. */
    private static void writeEvidence(Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] head = "{\"version\":\"custos-evidence/1\",\"blocks\":[".getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            long written = head.length;
            for (long i = 0; ; i++) {
                byte[] block = String.format("%s{\"number\":\"0x%x\",\"hash\":\"0x%064x\",\"parentHash\":\"0x%064x\"}",
                        i == 0 ? "" : ",", i, i * 0x9E3779B97F4A7C15L, (i - 1) * 0x9E3779B97F4A7C15L)
                        .getBytes(StandardCharsets.US_ASCII);
                if (written + block.length + 2 > EVIDENCE_BYTES) {
                    byte[] pad = new byte[(int) (EVIDENCE_BYTES - written - 2)];
                    java.util.Arrays.fill(pad, (byte) ' ');
                    out.write(pad);
                    out.write("]}".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                out.write(block);
                written += block.length;
            }
        }
    }
}
