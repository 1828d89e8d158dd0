package org.custos.reports.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Verifies a signed Custos report, stopping at the first failure, in this order:
 * <ol>
 *   <li>the file parses and holds exactly one signature, SubFilter {@code ETSI.CAdES.detached};</li>
 *   <li>the signed revision: {@code /ByteRange [0 a b c]} with the gap exactly the {@code /Contents} hex string,
 *       in its one canonical form (hex of one case, the DER of the CMS, zero padding);</li>
 *   <li>the CMS: one signer, message digest, signing-certificate-v2, signature value ({@link CmsSignature});</li>
 *   <li>the timestamp when present, and the chains of signer and timestamp authority to a trust anchor, at the
 *       timestamp's time (B-T) or the clock's time (B-B);</li>
 *   <li>the signature covers the whole file: {@code b + c} = file length (so an appended byte or incremental
 *       update is {@code NOT_WHOLE_FILE}; the one exception is exactly one update that adds only the B-LT
 *       {@code /DSS}, {@link TrailingDss}): no byte of the file can change without changing what is signed or
 *       what is checked;</li>
 *   <li>the catalogue's {@code /DSS} when present ({@link LongTermData}): its certificates are on those paths and
 *       its CRLs are issued by them; with a timestamp this is {@code PAdES-B-LT};</li>
 *   <li>the embedded evidence's SHA-256 equals every printed "Evidence SHA-256:" line.</li>
 * </ol>
 * Revocation is not judged (offline; see docs/reports.md): the DSS's CRLs are checked for origin, not read for
 * revoked serials. Malformed input of any kind is a rejection, never
 * an exception.
 */
public final class SignedReportVerifier {

    private final TrustChains trust;
    private final Clock clock;

    public SignedReportVerifier(List<X509Certificate> trustAnchors, Clock clock) {
        this.trust = new TrustChains(List.copyOf(trustAnchors));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies a signed report in a file. Holds the file in one byte array while it checks (PDFBox parses that
     * array in place and the signed ranges are digested in place, never copied) plus one copy of the embedded
     * evidence, which the result keeps; a 100 MB report with 100 MB of evidence needs about 200 MB of heap.
     *
     * @throws IOException when the file cannot be read, or is too large for one array (2 GB); this is an I/O
     *                     error, never a verdict
     */
    public ReportVerificationResult verify(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(file + " is " + size + " bytes: too large to verify (at most 2 GB)");
        }
        return verify(Files.readAllBytes(file));
    }

    /** Verifies a signed report held in memory (not copied; see {@link #verify(Path)} for what is held). */
    public ReportVerificationResult verify(byte[] file) {
        try {
            return check(file);
        } catch (Rejection r) {
            return r.result;
        }
    }

    private ReportVerificationResult check(byte[] file) throws Rejection {
        try (PDDocument document = load(file)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                throw new Rejection(ReportReasonCode.NO_SIGNATURE, "signature dictionaries", 1, 0);
            }
            if (signatures.size() > 1) {
                throw new Rejection(ReportReasonCode.MULTIPLE_SIGNATURES, "signature dictionaries", 1,
                        signatures.size());
            }
            PDSignature signature = signatures.get(0);
            if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(signature.getSubFilter())) {
                throw new Rejection(ReportReasonCode.SUBFILTER_UNSUPPORTED, "/SubFilter",
                        PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), signature.getSubFilter());
            }
            long end = SignedRange.end(signature.getByteRange());
            boolean trailing = end > 0 && end < file.length;
            SignedRange range = SignedRange.of(file, signature.getByteRange(), trailing ? (int) end : file.length);
            Instant now = clock.instant();
            CmsSignature.Verified signer = cms(range, now);
            if (trailing) {
                // after the signature's own checks: a changed byte inside the signed revision is a
                // DIGEST_MISMATCH (the DSS update, written again from the changed revision, would differ too)
                TrailingDss.require(file, (int) end, document);
            }
            boolean longTerm = dss(document, signer);
            byte[] evidence = evidence(document);
            Instant timestamp = signer.timestamp();
            Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            return ReportVerificationResult.ok(new SignatureFacts(timestamp == null ? "PAdES-B-B"
                    : longTerm ? "PAdES-B-LT" : "PAdES-B-T",
                    signer.signer(), claimed, timestamp,
                    org.custos.reports.model.Evidence.sha256Hex(evidence)), evidence);
        } catch (IOException e) {
            throw new Rejection(ReportReasonCode.MALFORMED_PDF, "PDF structure", "a readable PDF", e.getMessage());
        }
    }

    /** BouncyCastle parses lazily: malformed structures surface as runtime exceptions anywhere in the checks. */
    private CmsSignature.Verified cms(SignedRange range, Instant now) throws Rejection {
        try {
            return new CmsSignature(trust).check(range.contents(), range, now);
        } catch (RuntimeException e) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, "/Contents", "a well-formed CMS SignedData",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean dss(PDDocument document, CmsSignature.Verified signer) throws Rejection {
        try {
            return LongTermData.check(document, signer.chains());
        } catch (RuntimeException e) {
            throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS", "certificate, CRL and OCSP streams",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static byte[] evidence(PDDocument document) throws Rejection, IOException {
        try {
            return EmbeddedEvidence.check(document);
        } catch (RuntimeException e) {
            throw new Rejection(ReportReasonCode.MALFORMED_PDF, "associated files and page text",
                    "a readable PDF", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static PDDocument load(byte[] file) throws Rejection {
        try {
            return Loader.loadPDF(file);
        } catch (IOException | RuntimeException e) {
            throw new Rejection(ReportReasonCode.MALFORMED_PDF, "PDF structure", "a readable PDF", e.getMessage());
        }
    }
}
