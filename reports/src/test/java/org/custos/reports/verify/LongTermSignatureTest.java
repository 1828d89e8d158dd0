package org.custos.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.CrlFiles;
import org.custos.reports.sign.DistributionPointCrls;
import org.custos.reports.sign.DssIncrement;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.sign.TimestampClient;
import org.custos.reports.testing.LocalTsa;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAdES B-LT signing: the signer's own B-LT files verify as B-LT; the one update after the signature is
 * reproducible byte for byte (so the verifier accepts exactly it), and anything else after the signed revision, or
 * validation data not on the signature's paths, is refused; the signer refuses revoked, uncovered or stale
 * revocation data and fetches CRLs from the certificates' distribution points within its limits.
 */
class LongTermSignatureTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TestPki pki;
    private static TestPki foreign;
    private static LocalTsa tsa;
    private static byte[] unsigned;
    private static byte[] lt;
    private static byte[] t;

    @TempDir
    static Path dir;

    @BeforeAll
    static void sign() throws IOException {
        pki = TestPki.create(NOW, "LongTerm");
        foreign = TestPki.create(NOW, "Foreign");
        tsa = new LocalTsa(pki, CLOCK);
        unsigned = new ReportRenderer(CLOCK).render(SampleReports.preInspection());
        lt = signer(CrlFiles.of(List.of(pki.crl))).sign(unsigned, "r", "l");
        t = new PadesSigner(pki.credentials(), CLOCK, timestamps()).sign(unsigned, "r", "l");
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static TimestampClient timestamps() {
        return new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10));
    }

    private static PadesSigner signer(org.custos.reports.sign.RevocationSource revocation) {
        return new PadesSigner(pki.credentials(), CLOCK, timestamps(), revocation);
    }

    private static ReportVerificationResult verify(byte[] file) {
        return new SignedReportVerifier(List.of(pki.ca), CLOCK).verify(file);
    }

    private static int signedEnd(byte[] file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file)) {
            int[] range = document.getSignatureDictionaries().get(0).getByteRange();
            return range[2] + range[3];
        }
    }

    private static DssIncrement.Contents dssOf(byte[] file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file)) {
            COSDictionary dss = (COSDictionary) document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("DSS"));
            List<List<byte[]>> lists = new ArrayList<>();
            for (String key : List.of("Certs", "CRLs", "OCSPs")) {
                List<byte[]> entries = new ArrayList<>();
                if (dss.getDictionaryObject(COSName.getPDFName(key)) instanceof COSArray array) {
                    for (int i = 0; i < array.size(); i++) {
                        try (var in = ((org.apache.pdfbox.cos.COSStream) array.getObject(i)).createRawInputStream()) {
                            entries.add(in.readAllBytes());
                        }
                    }
                }
                lists.add(entries);
            }
            return new DssIncrement.Contents(lists.get(0), lists.get(1), lists.get(2));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] withDss(byte[] signed, List<X509Certificate> certs, List<X509CRL> crls, List<byte[]> ocsps)
            throws Exception {
        List<byte[]> c = new ArrayList<>();
        for (X509Certificate certificate : certs) {
            c.add(certificate.getEncoded());
        }
        List<byte[]> r = new ArrayList<>();
        for (X509CRL crl : crls) {
            r.add(crl.getEncoded());
        }
        return concat(signed, DssIncrement.increment(signed, signed.length,
                new DssIncrement.Contents(c, r, ocsps)));
    }

    @Test
    void theSignersOwnLongTermFileVerifiesAsBLt() throws Exception {
        ReportVerificationResult result = verify(lt);
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.facts().level()).isEqualTo("PAdES-B-LT");
        assertThat(verify(t).facts().level()).isEqualTo("PAdES-B-T");
        Path file = dir.resolve("lt.pdf");
        Files.write(file, lt);
        assertThat(new SignedReportVerifier(List.of(pki.ca), CLOCK).verify(file).facts().level())
                .isEqualTo("PAdES-B-LT");
    }

    @Test
    void theUpdateIsReproducibleAndItsSecondIdentifierIsNotTheClock() throws Exception {
        int end = signedEnd(lt);
        byte[] tail = java.util.Arrays.copyOfRange(lt, end, lt.length);
        DssIncrement.Contents contents = dssOf(lt);
        // written again now (another millisecond than the signer's @BeforeAll), from the signed revision alone
        byte[] signedRevision = java.util.Arrays.copyOf(lt, end);
        assertThat(DssIncrement.increment(signedRevision, end, contents)).isEqualTo(tail);
        String trailer = new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("/ID\\s*\\[\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>")
                .matcher(trailer);
        assertThat(id.find()).as("the update's trailer has an /ID").isTrue();
        assertThat(id.group(2)).hasSize(64).isNotEqualTo(id.group(1));
        // the same update written for a T file of another signing gets another second identifier
        byte[] other = DssIncrement.increment(t, t.length, contents);
        java.util.regex.Matcher otherId = java.util.regex.Pattern
                .compile("/ID\\s*\\[\\s*<[0-9A-Fa-f]+>\\s*<([0-9A-Fa-f]+)>")
                .matcher(new String(other, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(otherId.find()).isTrue();
        assertThat(otherId.group(1)).isNotEqualTo(id.group(2));
    }

    @Test
    void aBTFileWithTheRightUpdateAppendedIsBLt() throws Exception {
        byte[] extended = withDss(t, List.of(pki.signer, pki.ca), List.of(pki.crl), List.of());
        ReportVerificationResult result = verify(extended);
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.facts().level()).isEqualTo("PAdES-B-LT");
    }

    @Test
    void anythingElseAfterTheSignedRevisionIsRefused() throws Exception {
        assertThat(verify(concat(lt, new byte[] {'\n'})).reason()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
        assertThat(verify(concat(lt, "%%EOF\n".getBytes())).reason()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
        // a second DSS update on top of the first
        byte[] twice = concat(lt, DssIncrement.increment(lt, lt.length, new DssIncrement.Contents(
                List.of(pki.signer.getEncoded()), List.of(pki.crl.getEncoded()), List.of())));
        assertThat(verify(twice).reason()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
        // one byte of the update changed (its second identifier)
        byte[] flipped = lt.clone();
        int end = signedEnd(lt);
        String tail = new String(flipped, end, flipped.length - end, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = end + tail.lastIndexOf('>') - 1;
        flipped[at] = (byte) (flipped[at] == '0' ? '1' : '0');
        assertThat(verify(flipped).reason()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
        // one byte changed inside the signed revision: the digest says so first (the update would differ too)
        byte[] changed = lt.clone();
        changed[new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("<dc:title>") + 20] ^= 0x01;
        assertThat(verify(changed).reason()).isEqualTo(ReportReasonCode.DIGEST_MISMATCH);
        // an update with something besides /DSS: a new /Info written by PDFBox's own incremental save
        try (PDDocument document = Loader.loadPDF(lt)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(COSName.getPDFName("Custos"), new COSString("added"));
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            assertThat(verify(out.toByteArray()).reason()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
        }
    }

    @Test
    void validationDataOffTheSignaturesPathsIsRefused() throws Exception {
        byte[] foreignCert = withDss(t, List.of(pki.signer, pki.ca, foreign.ca), List.of(pki.crl), List.of());
        assertThat(verify(foreignCert).reason()).isEqualTo(ReportReasonCode.DSS_CERTIFICATE_NOT_ON_PATH);
        byte[] foreignCrl = withDss(t, List.of(pki.signer, pki.ca), List.of(foreign.crl), List.of());
        assertThat(verify(foreignCrl).reason()).isEqualTo(ReportReasonCode.DSS_CRL_NOT_FROM_CHAIN);
        byte[] garbage = withDss(t, List.of(pki.signer, pki.ca), List.of(pki.crl), List.of(new byte[] {1, 2, 3}));
        assertThat(verify(garbage).reason()).isEqualTo(ReportReasonCode.DSS_MALFORMED);
    }

    @Test
    void theSignerRefusesRevokedUncoveredOrStaleRevocationData() {
        X509CRL revoking = pki.crl(NOW.minusSeconds(60), NOW.plusSeconds(3600), pki.signer);
        assertThatThrownBy(() -> signer(CrlFiles.of(List.of(revoking))).sign(unsigned, "r", "l"))
                .isInstanceOf(IOException.class).hasMessageContaining("is revoked");
        assertThatThrownBy(() -> signer(CrlFiles.of(List.of(foreign.crl))).sign(unsigned, "r", "l"))
                .isInstanceOf(IOException.class).hasMessageContaining("no current CRL");
        X509CRL expired = pki.crl(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)));
        assertThatThrownBy(() -> signer(CrlFiles.of(List.of(expired))).sign(unsigned, "r", "l"))
                .isInstanceOf(IOException.class).hasMessageContaining("no current CRL");
        assertThatThrownBy(() -> new PadesSigner(pki.credentials(), CLOCK, null, CrlFiles.of(List.of(pki.crl))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp authority");
        assertThatThrownBy(() -> CrlFiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crlsAreFetchedFromTheDistributionPointsWithinTheLimits() throws Exception {
        java.util.concurrent.atomic.AtomicReference<byte[]> served = new java.util.concurrent.atomic.AtomicReference<>(
                new byte[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = switch (path) {
                    case "/ca.crl" -> served.get();
                    case "/big.crl" -> new byte[200_000];
                    case "/text.crl" -> "<html>not a CRL</html>".getBytes();
                    default -> null;
                };
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(body);
                }
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            TestPki withCdp = TestPki.create(NOW, "Served", Duration.ofDays(365), base + "/ca.crl");
            served.set(withCdp.crl.getEncoded());
            DistributionPointCrls fetcher = new DistributionPointCrls(Duration.ofSeconds(5), 100_000);
            assertThat(fetcher.crls(List.of(withCdp.signer, withCdp.ca))).containsExactly(withCdp.crl);
            for (String[] bad : new String[][] {{"/big.crl", "exceeds the limit"}, {"/text.crl", "not a CRL"},
                    {"/missing.crl", "HTTP 404"}}) {
                TestPki pointing = TestPki.create(NOW, "Bad", Duration.ofDays(365), base + bad[0]);
                assertThatThrownBy(() -> fetcher.crls(List.of(pointing.signer))).isInstanceOf(IOException.class)
                        .hasMessageContaining(bad[1]);
            }
            assertThatThrownBy(() -> new DistributionPointCrls(Duration.ofSeconds(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            server.stop(0);
        }
    }
}
