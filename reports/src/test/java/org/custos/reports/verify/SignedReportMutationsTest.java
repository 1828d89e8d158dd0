package org.custos.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.custos.reports.render.ReportRenderer;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.testing.LocalTsa;
import org.custos.reports.testing.SampleReports;
import org.custos.reports.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Systematic negatives: one-byte mutations all over a signed report (random positions in the file and in the
 * /Contents gap, every byte of the gap's first and last 64 hex digits, every hex digit of a B-T CMS including its
 * timestamp token and the first padding digits, case flips of its hex letters) must never verify; and each
 * structural reason code is produced by a file made to have exactly that defect. The every-digit sweep found the
 * unsigned, leniently parsed parts of CMS that the verifier now pins down (CMS_UNEXPECTED_CONTENT,
 * CERTIFICATE_NOT_ON_PATH, CONTENTS_NOT_CANONICAL).
 */
class SignedReportMutationsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TestPki pki;
    private static byte[] unsigned;
    private static byte[] signed;
    private static int gapStart;
    private static int gapEnd;

    @BeforeAll
    static void sign() throws IOException {
        pki = TestPki.create(NOW, "Mutations");
        unsigned = new ReportRenderer(CLOCK).render(SampleReports.consortiumIntegrity());
        signed = new PadesSigner(pki.credentials(), CLOCK, null).sign(unsigned, "r", "l");
        try (PDDocument document = Loader.loadPDF(signed)) {
            int[] range = document.getSignatureDictionaries().get(0).getByteRange();
            gapStart = range[1];
            gapEnd = range[2];
        }
        assertThat(verifier().verify(signed).verified()).isTrue();
    }

    private static SignedReportVerifier verifier() {
        return new SignedReportVerifier(List.of(pki.ca), CLOCK);
    }

    @Test
    void noSingleByteMutationVerifies() {
        Random random = new Random(20261122);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            positions.add(random.nextInt(signed.length));
            positions.add(gapStart + random.nextInt(gapEnd - gapStart));
        }
        for (int i = 0; i < 64; i++) {
            positions.add(gapStart + i);
            positions.add(gapEnd - 1 - i);
        }
        Set<ReportReasonCode> seen = EnumSet.noneOf(ReportReasonCode.class);
        for (int position : positions) {
            byte[] mutated = signed.clone();
            mutated[position] ^= 0x01;
            ReportVerificationResult result = verifier().verify(mutated);
            assertThat(result.verified()).as("byte %d flipped (gap %d..%d), context: %s", position, gapStart,
                    gapEnd, context(position)).isFalse();
            seen.add(result.reason());
        }
        assertThat(seen).contains(ReportReasonCode.DIGEST_MISMATCH, ReportReasonCode.CONTENTS_NOT_CANONICAL);
    }

    @Test
    void everyHexDigitOfATimestampedCmsIsCovered() throws IOException {
        byte[] stamped;
        try (LocalTsa tsa = new LocalTsa(pki, CLOCK)) {
            stamped = new PadesSigner(pki.credentials(), CLOCK,
                    new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10))).sign(unsigned, "r", "l");
        }
        SignedReportVerifier verifier = verifier();
        assertThat(verifier.verify(stamped).verified()).isTrue();
        int start;
        int end;
        try (PDDocument document = Loader.loadPDF(stamped)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            start = signature.getByteRange()[1] + 1;
            end = start + 2 * signature.getContents(stamped).length;
        }
        while (end > start && stamped[end - 1] == '0' && stamped[end - 2] == '0') {
            end -= 2;
        }
        int mutations = 0;
        for (int i = start; i < end + 4; i++) {
            byte[] mutated = stamped.clone();
            mutated[i] = (byte) (mutated[i] == '0' ? '1' : mutated[i] == 'F' ? 'E' : mutated[i] + 1);
            ReportVerificationResult result = verifier.verify(mutated);
            assertThat(result.verified()).as("hex digit %d of the CMS changed", i - start).isFalse();
            mutations++;
        }
        assertThat(mutations).isGreaterThan(5000);
    }

    @Test
    void aCaseFlipOfAnyHexLetterInTheContentsDoesNotVerify() {
        int flipped = 0;
        for (int i = gapStart + 1; i < gapEnd - 1 && flipped < 200; i++) {
            if (Character.isLetter(signed[i])) {
                byte[] mutated = signed.clone();
                mutated[i] ^= 0x20;
                ReportVerificationResult result = verifier().verify(mutated);
                assertThat(result.reason()).as("case of byte " + i).isEqualTo(ReportReasonCode.CONTENTS_NOT_CANONICAL);
                flipped++;
            }
        }
        assertThat(flipped).isPositive();
    }

    @Test
    void aSecondSignatureIsRejected() throws IOException {
        byte[] twice = pdfboxSign(signed, PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        assertThat(verifier().verify(twice).reason()).isEqualTo(ReportReasonCode.MULTIPLE_SIGNATURES);
    }

    @Test
    void anotherSubFilterIsRejected() throws IOException {
        byte[] pkcs7 = pdfboxSign(unsigned, PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
        ReportVerificationResult result = verifier().verify(pkcs7);
        assertThat(result.reason()).isEqualTo(ReportReasonCode.SUBFILTER_UNSUPPORTED);
        assertThat(result.actual()).isEqualTo("adbe.pkcs7.detached");
    }

    @Test
    void aReportWithoutEmbeddedEvidenceIsRejected() throws IOException {
        byte[] stripped = edit(unsigned, document -> {
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.getPDFName("AF"));
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.NAMES);
        });
        ReportVerificationResult result = verifier().verify(new PadesSigner(pki.credentials(), CLOCK, null)
                .sign(stripped, "r", "l"));
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.EVIDENCE_MISSING);
    }

    @Test
    void aReportThatDoesNotPrintTheEvidenceHashIsRejected() throws IOException {
        byte[] blank = edit(unsigned, document -> {
            for (PDPage page : document.getPages()) {
                page.setContents(new PDStream(document));
            }
        });
        ReportVerificationResult result = verifier().verify(new PadesSigner(pki.credentials(), CLOCK, null)
                .sign(blank, "r", "l"));
        assertThat(result.reason()).as(result.toString()).isEqualTo(ReportReasonCode.EVIDENCE_HASH_NOT_PRINTED);
    }

    private static String context(int position) {
        int from = Math.max(0, position - 40);
        int to = Math.min(signed.length, position + 40);
        return new String(signed, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
    }

    private interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] edit(byte[] pdf, Edit edit) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            edit.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A signature made with PDFBox and a plain BouncyCastle CMS, bypassing PadesSigner's own checks. */
    private static byte[] pdfboxSign(byte[] pdf, COSName subFilter) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(subFilter);
            document.addSignature(signature, (InputStream content) -> {
                try {
                    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                    generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                            .build("SHA256withRSA", pki.signerKeys.getPrivate(), pki.signer));
                    generator.addCertificates(new JcaCertStore(List.of(pki.signer, pki.ca)));
                    return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                            .getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
