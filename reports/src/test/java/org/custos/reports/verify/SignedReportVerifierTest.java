package org.custos.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.custos.reports.model.Evidence;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.sign.SigningCredentials;
import org.custos.reports.testing.LocalTsa;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign with the real signer (B-B, and B-T against a local TSA), reload, verify; then tamper in every way. */
class SignedReportVerifierTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TestPki pki;
    private static LocalTsa tsa;
    private static byte[] unsigned;
    private static byte[] signedB;
    private static byte[] signedT;

    @TempDir
    Path temp;

    @BeforeAll
    static void sign() throws IOException {
        pki = TestPki.create(NOW, "Verifier");
        tsa = new LocalTsa(pki, CLOCK);
        unsigned = new ReportRenderer(CLOCK).render(SampleReports.clinicAudit(6));
        signedB = new PadesSigner(pki.credentials(), CLOCK, null).sign(unsigned, "Compliance report", "Custos");
        signedT = new PadesSigner(pki.credentials(), CLOCK, new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10)))
                .sign(unsigned, "Compliance report", "Custos");
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static SignedReportVerifier verifier() {
        return new SignedReportVerifier(List.of(pki.ca), CLOCK);
    }

    @Test
    void baselineBVerifies() {
        ReportVerificationResult result = verifier().verify(signedB);
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.facts().level()).isEqualTo("PAdES-B-B");
        assertThat(result.facts().claimedTime()).isEqualTo(NOW);
        assertThat(result.facts().timestampTime()).isNull();
        assertThat(result.facts().signer()).contains("Custos Report Signer");
        assertThat(result.evidence()).isEqualTo(SampleReports.clinicAudit(6).evidence().json());
        assertThat(result.facts().evidenceSha256()).isEqualTo(SampleReports.clinicAudit(6).evidence().sha256Hex());
    }

    @Test
    void baselineTVerifiesWithTheTimestampTime() {
        ReportVerificationResult result = verifier().verify(signedT);
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.facts().level()).isEqualTo("PAdES-B-T");
        assertThat(result.facts().timestampTime()).isEqualTo(NOW);
        assertThat(tsa.served()).isPositive();
    }

    @Test
    void theCmsIsPadesBaseline() throws Exception {
        try (PDDocument document = Loader.loadPDF(signedB)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            CMSSignedData cms = new CMSSignedData(new ByteArrayInputStream(signature.getContents(signedB)));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
            assertThat(signer.getUnsignedAttributes()).isNull();
            assertThat(signature.getByteRange()[2] + signature.getByteRange()[3]).isEqualTo(signedB.length);
            assertThat(document.getSignatureFields().get(0).getWidgets().get(0).isPrinted()).isTrue();
        }
    }

    @Test
    void oneChangedByteIsRejected() {
        int at = indexOf(signedB, "<dc:title>") + 20;
        byte[] tampered = signedB.clone();
        tampered[at] ^= 0x01;
        ReportVerificationResult result = verifier().verify(tampered);
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.DIGEST_MISMATCH);
        assertThat(result.expected()).isNotEqualTo(result.actual()).hasSize(64);
    }

    @Test
    void everyAppendedByteIsRejected() {
        for (String tail : List.of("\n", " ", "%", "%%EOF\n")) {
            byte[] longer = Arrays.copyOf(signedB, signedB.length + tail.length());
            System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, longer, signedB.length, tail.length());
            ReportVerificationResult result = verifier().verify(longer);
            assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
        }
    }

    @Test
    void anIncrementalUpdateIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(signedT)) {
            PDPage page = document.getPage(1);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                stream.newLineAtOffset(60, 60);
                stream.showText("All findings resolved");
                stream.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentInformation().setTitle("Altered after signing");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        byte[] updated = out.toByteArray();
        assertThat(updated.length).isGreaterThan(signedT.length);
        assertThat(Arrays.copyOf(updated, signedT.length)).isEqualTo(signedT);
        ReportVerificationResult result = verifier().verify(updated);
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.NOT_WHOLE_FILE);
    }

    @Test
    void anotherTrustAnchorIsRejected() {
        TestPki other = TestPki.create(NOW, "Other");
        ReportVerificationResult result = new SignedReportVerifier(List.of(other.ca), CLOCK).verify(signedB);
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.CERTIFICATE_UNTRUSTED);
        ReportVerificationResult stamped = new SignedReportVerifier(List.of(other.ca), CLOCK).verify(signedT);
        assertThat(stamped.reason()).as(stamped.toString()).isEqualTo(ReportReasonCode.TIMESTAMP_UNTRUSTED);
    }

    @Test
    void aCertificateExpiredAtTheValidationTimeIsRejected() throws IOException {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC);
        ReportVerificationResult result = new SignedReportVerifier(List.of(pki.ca), later).verify(signedB);
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.CERTIFICATE_UNTRUSTED);
        assertThat(result.actual()).containsIgnoringCase("expired");
        // with a timestamp, the chain is judged at the timestamp's time: still valid 400 days on
        ReportVerificationResult stamped = new SignedReportVerifier(List.of(pki.ca), later).verify(signedT);
        assertThat(stamped.verified()).as(stamped.toString()).isTrue();
    }

    @Test
    void aTimestampOverAnotherSignatureIsRejected() throws IOException {
        HttpTimestampClient real = new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10));
        byte[] wrong = new PadesSigner(pki.credentials(), CLOCK, digest -> real.timestamp(new byte[32]))
                .sign(unsigned, "r", "l");
        ReportVerificationResult result = verifier().verify(wrong);
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.TIMESTAMP_IMPRINT_MISMATCH);
    }

    @Test
    void aTimestampFromTheFutureIsRejected() throws IOException {
        Clock ahead = Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        try (LocalTsa fast = new LocalTsa(pki, ahead)) {
            byte[] signed = new PadesSigner(pki.credentials(), CLOCK,
                    new HttpTimestampClient(fast.url(), Duration.ofSeconds(10))).sign(unsigned, "r", "l");
            ReportVerificationResult result = verifier().verify(signed);
            assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.TIMESTAMP_IN_FUTURE);
        }
    }

    @Test
    void evidenceThatDoesNotMatchItsPrintedHashIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(unsigned)) {
            PDComplexFileSpecification spec = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(Evidence.FILE_NAME);
            PDEmbeddedFile swapped = new PDEmbeddedFile(document, new ByteArrayInputStream(
                    "{\"version\":\"custos-evidence/1\",\"swapped\":true}".getBytes(StandardCharsets.UTF_8)));
            swapped.setSubtype(Evidence.MEDIA_TYPE);
            spec.setEmbeddedFile(swapped);
            spec.setEmbeddedFileUnicode(swapped);
            document.save(out);
        }
        byte[] signed = new PadesSigner(pki.credentials(), CLOCK, null).sign(out.toByteArray(), "r", "l");
        ReportVerificationResult result = verifier().verify(signed);
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.EVIDENCE_HASH_MISMATCH);
        assertThat(result.expected()).isEqualTo(SampleReports.clinicAudit(6).evidence().sha256Hex());
    }

    @Test
    void unsignedAndUnreadableFilesAreRejected() {
        assertThat(verifier().verify(unsigned).reason()).isEqualTo(ReportReasonCode.NO_SIGNATURE);
        assertThat(verifier().verify("not a pdf".getBytes(StandardCharsets.US_ASCII)).reason())
                .isEqualTo(ReportReasonCode.MALFORMED_PDF);
        assertThatThrownBy(() -> new PadesSigner(pki.credentials(), CLOCK, null).sign(signedB, "r", "l"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already signed");
    }

    @Test
    void theKeyComesFromAPkcs12Keystore() throws Exception {
        Path store = temp.resolve("signer.p12");
        pki.writePkcs12(store, "s3cret-pass".toCharArray());
        SigningCredentials credentials = SigningCredentials.fromPkcs12(store, "s3cret-pass".toCharArray());
        assertThat(credentials.certificate()).isEqualTo(pki.signer);
        assertThat(credentials.chain()).containsExactly(pki.signer, pki.ca);
        byte[] signed = new PadesSigner(credentials, CLOCK, null).sign(unsigned, "r", "l");
        assertThat(verifier().verify(signed).verified()).isTrue();
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(store, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read keystore");
    }

    private static int indexOf(byte[] data, String needle) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isPositive();
        return at;
    }
}
