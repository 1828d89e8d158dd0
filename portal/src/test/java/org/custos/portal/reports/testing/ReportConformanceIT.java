package org.custos.portal.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.reports.model.Evidence;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report validators of {@link ReportConformance} proved on their own, before any portal page exists: a clinic
 * audit report (the reports module's sample model) whose evidence is a real {@code range} transcript of a real anvil,
 * rendered and signed here with a throw-away BouncyCastle CA, B-B and B-T (timestamps from {@link ReportsTsa} on its
 * fixed port 18318), passes all five validators at its level; the B-T file extended to B-LT by EU DSS
 * ({@link DssLtExtension}) passes veraPDF, DSS (PAdES_BASELINE_LT), pdfsig and transcript at B-LT (Custos's verifier
 * accepts only the one {@code /DSS} update its own signer writes, so DSS's is NOT_WHOLE_FILE); Custos's own B-LT
 * signing passes all five at B-LT; and each kind of bad file is refused by the validators
 * whose job it is: the wrong level (DSS, Custos), one changed byte (veraPDF, DSS, pdfsig, Custos), an appended
 * byte (veraPDF, pdfsig, Custos; DSS accepts it), another signer's key (DSS, pdfsig, Custos), validly signed evidence that the node contradicts
 * (transcript), a file that is not PDF/A (veraPDF) or not a PDF at all (all five).
 */
class ReportConformanceIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Anvil anvil;
    private static ReportsTsa tsa;
    private static TestPki pki;
    private static ReportConformance conformance;
    private static byte[] transcript;
    private static Path bb;
    private static Path bt;

    @BeforeAll
    static void signReportsWithRealEvidence() throws Exception {
        anvil = Anvil.start(null);
        anvil.rpc("eth_sendTransaction", "[{\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\","
                + "\"to\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",\"value\":\"0x1\"}]");
        anvil.rpc("anvil_mine", "[\"0x3\"]");
        long head = Long.decode(JSON.readTree(anvil.rpc("eth_blockNumber", "[]")).get("result").asText());
        String checkpoint = JSON.readTree(anvil.rpc("eth_getBlockByNumber", "[\"0x0\",false]")).get("result")
                .get("hash").asText();
        Path evidence = dir.resolve("evidence.json");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int range = org.custos.verify.cli.Main.run(new String[] {"range", "--rpc", anvil.url(), "--from", "0",
                "--to", Long.toString(head), "--checkpoint", checkpoint, "--consensus", "dev", "--transcript",
                evidence.toString()}, new PrintStream(said, true, StandardCharsets.UTF_8), System.err);
        assertThat(range).as(said.toString(StandardCharsets.UTF_8)).isZero();
        transcript = Files.readAllBytes(evidence);

        pki = TestPki.create(NOW, "Portal conformance IT");
        tsa = new ReportsTsa(TsaIdentity.of(pki), CLOCK, ReportsTsa.PORT);
        assertThat(tsa.url()).isEqualTo(ReportsTsa.URL);
        conformance = new ReportConformance(new ConformanceSettings(List.of(pki.ca), List.of(pki.crl), anvil.url()),
                CLOCK);
        bb = Files.write(dir.resolve("audit-b.pdf"), sign(transcript, pki, false));
        bt = Files.write(dir.resolve("audit-t.pdf"), sign(transcript, pki, true));
        assertThat(tsa.served()).isEqualTo(1);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (tsa != null) {
            tsa.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void aBBReportPassesEveryValidator() {
        conformance.assertConforms(bb, Level.B_B);
    }

    @Test
    void aBTReportTimestampedByTheLocalTsaPassesEveryValidator() {
        List<Verdict> verdicts = check(bt, Level.B_T);
        assertThat(verdicts).extracting(Verdict::validator).isEqualTo(ReportConformance.VALIDATORS);
        assertThat(verdicts).as(ReportConformance.describe(verdicts)).allMatch(Verdict::passed);
        assertThat(ReportConformance.of(verdicts, CustosCheck.NAME).detail()).contains("timestamped " + NOW);
    }

    @Test
    void aBLTReportMadeByDssPassesDssPdfsigVeraPdfAndTranscriptAtBLT() {
        Path lt = dir.resolve("audit-lt.pdf");
        DssLtExtension.extend(bt, lt, List.of(pki.ca), List.of(pki.crl));
        List<Verdict> verdicts = check(lt, Level.B_LT);
        for (String validator : List.of(VeraPdfCheck.NAME, DssCheck.NAME, PdfsigCheck.NAME, TranscriptCheck.NAME)) {
            assertThat(ReportConformance.of(verdicts, validator).passed()).as(ReportConformance.describe(verdicts))
                    .isTrue();
        }
        assertThat(ReportConformance.of(verdicts, DssCheck.NAME).detail()).contains("PAdES_BASELINE_LT");
        // at B-T the same file is refused by DSS: the level is read, not assumed
        assertThat(ReportConformance.of(check(lt, Level.B_T), DssCheck.NAME).passed()).isFalse();
    }

    @Test
    void aBLTReportSignedByCustosPassesEveryValidatorAtBLT() throws Exception {
        byte[] pdf = new ReportRenderer(CLOCK).render(SampleReports.clinicAudit(4, new Evidence(transcript)));
        byte[] signed = new PadesSigner(pki.credentials(), CLOCK, new HttpTimestampClient(ReportsTsa.URL,
                Duration.ofSeconds(10)), org.custos.reports.sign.CrlFiles.of(List.of(pki.crl)))
                .sign(pdf, "Custos compliance report", "Custos");
        Path lt = Files.write(dir.resolve("audit-custos-lt.pdf"), signed);
        conformance.assertConforms(lt, Level.B_LT);
        List<Verdict> verdicts = check(lt, Level.B_LT);
        assertThat(ReportConformance.of(verdicts, DssCheck.NAME).detail()).contains("PAdES_BASELINE_LT");
        assertThat(ReportConformance.of(verdicts, CustosCheck.NAME).detail()).contains("PAdES-B-LT");
    }

    @Test
    void theLevelIsPartOfTheVerdict() {
        List<Verdict> bAsT = check(bb, Level.B_T);
        assertRefusedBy(bAsT, DssCheck.NAME, CustosCheck.NAME);
        assertThat(ReportConformance.of(bAsT, DssCheck.NAME).detail()).contains("PAdES_BASELINE_B")
                .contains("TOTAL_PASSED");
        assertRefusedBy(check(bt, Level.B_LT), DssCheck.NAME, CustosCheck.NAME);
    }

    @Test
    void oneChangedByteIsRefusedByEverySignatureCheck() throws Exception {
        byte[] pdf = Files.readAllBytes(bt);
        pdf[new String(pdf, StandardCharsets.ISO_8859_1).indexOf("<dc:title>") + 20] ^= 0x01;
        List<Verdict> verdicts = check(Files.write(dir.resolve("changed.pdf"), pdf), Level.B_T);
        assertRefusedBy(verdicts, VeraPdfCheck.NAME, DssCheck.NAME, PdfsigCheck.NAME, CustosCheck.NAME);
        assertThat(ReportConformance.of(verdicts, DssCheck.NAME).detail()).contains("TOTAL_FAILED")
                .contains("HASH_FAILURE");
        assertThat(ReportConformance.of(verdicts, CustosCheck.NAME).detail()).contains("DIGEST_MISMATCH");
    }

    @Test
    void anAppendedByteIsRefusedByVeraPdfPdfsigAndCustos() throws Exception {
        byte[] signed = Files.readAllBytes(bt);
        byte[] longer = Arrays.copyOf(signed, signed.length + 1);
        longer[signed.length] = '\n';
        List<Verdict> verdicts = check(Files.write(dir.resolve("appended.pdf"), longer), Level.B_T);
        // DSS's default policy accepts bytes after the signed range (docs: stack-facts, "Danger"): the others do not
        assertRefusedBy(verdicts, VeraPdfCheck.NAME, PdfsigCheck.NAME, CustosCheck.NAME);
        assertThat(ReportConformance.of(verdicts, CustosCheck.NAME).detail()).contains("NOT_WHOLE_FILE");
    }

    @Test
    void aReportSignedByAnotherKeyIsRefusedByEverySignatureCheck() throws Exception {
        TestPki other = TestPki.create(NOW, "Somebody else");
        Path foreign = Files.write(dir.resolve("foreign.pdf"), sign(transcript, other, false));
        assertRefusedBy(check(foreign, Level.B_B), DssCheck.NAME, PdfsigCheck.NAME, CustosCheck.NAME);
    }

    @Test
    void signedEvidenceThatTheNodeContradictsIsRefusedByTheTranscriptCheck() throws Exception {
        JsonNode evidence = JSON.readTree(transcript);
        JsonNode blocks = evidence.get("blocks");
        ObjectNode last = (ObjectNode) blocks.get(blocks.size() - 1).get("block");
        String root = last.get("stateRoot").asText();
        last.put("stateRoot", root.substring(0, root.length() - 1) + (root.endsWith("0") ? "1" : "0"));
        Path lying = Files.write(dir.resolve("lying-evidence.pdf"), sign(JSON.writeValueAsBytes(evidence), pki,
                false));
        List<Verdict> verdicts = check(lying, Level.B_B);
        assertRefusedBy(verdicts, TranscriptCheck.NAME);
        assertThat(ReportConformance.of(verdicts, TranscriptCheck.NAME).detail()).contains("HASH_MISMATCH");
    }

    @Test
    void aPdfThatIsNotPdfAIsRefusedByVeraPdf() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(plain.toFile());
        }
        List<Verdict> verdicts = check(plain, Level.B_B);
        assertThat(verdicts).as(ReportConformance.describe(verdicts)).noneMatch(Verdict::passed);
        assertThat(ReportConformance.of(verdicts, VeraPdfCheck.NAME).detail()).startsWith("not compliant");
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedByEveryValidator() throws Exception {
        Path text = Files.writeString(dir.resolve("not-a-pdf.pdf"), "this is not a PDF\n");
        List<Verdict> verdicts = check(text, Level.B_B);
        assertThat(verdicts).as(ReportConformance.describe(verdicts)).noneMatch(Verdict::passed);
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        List<Verdict> none = check(empty, Level.B_B);
        assertThat(none).as(ReportConformance.describe(none)).noneMatch(Verdict::passed);
    }

    @Test
    void theTsaAnswersNothingButTimestampQueries() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(ReportsTsa.URL).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(ReportsTsa.URL).header("Content-Type",
                        "application/timestamp-query").POST(HttpRequest.BodyPublishers.ofString("garbage")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ReportsTsa.PORT + "/other"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    /** All five verdicts, also printed to the test's output for people to read. */
    private static List<Verdict> check(Path pdf, Level level) {
        List<Verdict> verdicts = conformance.check(pdf, level);
        System.out.println(pdf.getFileName() + " at " + level.custos() + ":\n" + ReportConformance.describe(verdicts));
        return verdicts;
    }

    /** Exactly {@code refusing} refuse; every other validator passes. */
    private static void assertRefusedBy(List<Verdict> verdicts, String... refusing) {
        List<String> expected = List.of(refusing);
        assertThat(verdicts.stream().filter(v -> !v.passed()).map(Verdict::validator).toList())
                .as(ReportConformance.describe(verdicts)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static byte[] sign(byte[] evidence, TestPki signer, boolean timestamped) throws Exception {
        byte[] pdf = new ReportRenderer(CLOCK).render(SampleReports.clinicAudit(4, new Evidence(evidence)));
        return new PadesSigner(signer.credentials(), CLOCK, timestamped
                ? new HttpTimestampClient(ReportsTsa.URL, Duration.ofSeconds(10)) : null)
                .sign(pdf, "Custos compliance report", "Custos");
    }
}
