package org.custos.reports.sign;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Signs a rendered PDF as PAdES baseline B-B, B-T when a {@link TimestampClient} is given (ETSI EN 319 142-1
 * §6.3: the signature-time-stamp over the signature value as an unsigned attribute), or B-LT when a
 * {@link RevocationSource} is given too: then one more incremental update follows the signature, adding only the
 * validation data as the catalogue's DSS dictionary ({@link DssIncrement}). The signature is added in an
 * incremental update by PDFBox's external signing: one invisible signature field whose widget carries the print
 * flag (PDF/A). The claimed signing time ({@code /M}) comes from the clock; the CMS has no signing-time attribute
 * (PAdES baseline requires its absence).
 */
public final class PadesSigner {

    private static final int SIGNATURE_SIZE_B = 12_000;
    private static final int SIGNATURE_SIZE_T = 24_000;

    private final SigningCredentials credentials;
    private final Clock clock;
    private final TimestampClient timestamps;
    private final RevocationSource revocation;

    /** {@code timestamps} may be null: then signatures are B-B. */
    public PadesSigner(SigningCredentials credentials, Clock clock, TimestampClient timestamps) {
        this(credentials, clock, timestamps, null);
    }

    /**
     * B-LT when both {@code timestamps} and {@code revocation} are given: after the signature, one incremental
     * update adds the DSS dictionary with the signer's and the timestamp authority's certificates and CRLs covering
     * them (checked: from the issuers, current at the signing time, not revoked; otherwise signing fails with an
     * {@link IOException} and no file is left).
     *
     * @throws IllegalArgumentException when revocation data is given without a timestamp authority (B-LT builds
     *                                  on B-T)
     */
    public PadesSigner(SigningCredentials credentials, Clock clock, TimestampClient timestamps,
                       RevocationSource revocation) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (revocation != null && timestamps == null) {
            throw new IllegalArgumentException("PAdES B-LT needs a timestamp authority as well as revocation data");
        }
        this.timestamps = timestamps;
        this.revocation = revocation;
    }

    /** The level this signer produces: {@code PAdES-B-B}, {@code PAdES-B-T} or {@code PAdES-B-LT}. */
    public String level() {
        return revocation != null ? "PAdES-B-LT" : timestamps != null ? "PAdES-B-T" : "PAdES-B-B";
    }

    /** Signs a PDF held in memory and returns the signed file. */
    public byte[] sign(byte[] pdf, String reason, String location) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE_T + 4096);
        byte[] token;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            token = sign(document, out, reason, location);
        }
        if (revocation == null) {
            return out.toByteArray();
        }
        ByteArrayOutputStream longTerm = new ByteArrayOutputStream(out.size() + 16_384);
        DssIncrement.append(out.toByteArray(), validationData(token), longTerm);
        return longTerm.toByteArray();
    }

    /**
     * Signs the PDF in {@code in} into {@code out} (created or replaced; deleted again on failure) with bounded
     * heap: the input is read from the file, objects are buffered in scratch files, and the signed bytes are
     * hashed as a stream. {@code in} and {@code out} must differ.
     */
    public void sign(Path in, Path out, String reason, String location) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new IllegalArgumentException("cannot sign " + in + " onto itself");
        }
        Path revision = revocation == null ? out : Files.createTempFile(out.toAbsolutePath().getParent(),
                ".custos-signing-", ".pdf");
        try {
            byte[] token;
            try (PDDocument document = Loader.loadPDF(in.toFile(), IOUtils.createTempFileOnlyStreamCache());
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(revision), 1 << 16)) {
                token = sign(document, file, reason, location);
            }
            if (revocation != null) {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    DssIncrement.append(revision, validationData(token), file);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        } finally {
            if (revocation != null) {
                Files.deleteIfExists(revision);
            }
        }
    }

    /** Signs in one incremental update; returns the signature's timestamp token (null for B-B). */
    private byte[] sign(PDDocument document, OutputStream out, String reason, String location) throws IOException {
        try (SignatureOptions options = new SignatureOptions()) {
            if (!document.getSignatureDictionaries().isEmpty()) {
                throw new IllegalArgumentException("the document is already signed; Custos signs each report once");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName());
            signature.setReason(reason);
            signature.setLocation(location);
            GregorianCalendar now = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            now.setTimeInMillis(clock.millis() / 1000 * 1000);
            signature.setSignDate(now);
            options.setPreferredSignatureSize(timestamps == null ? SIGNATURE_SIZE_B : SIGNATURE_SIZE_T);
            document.addSignature(signature, options);
            for (PDSignatureField field : document.getSignatureFields()) {
                field.getWidgets().forEach(widget -> widget.setPrinted(true));
            }
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            CmsSignatureBuilder builder = new CmsSignatureBuilder(credentials, timestamps);
            try (InputStream signed = external.getContent()) {
                external.setSignature(cms(builder, signed));
            }
            return builder.timestampToken();
        }
    }

    /** B-LT: the chains of signer and TSA (as its token carries it), and CRLs that cover them. */
    private DssIncrement.Contents validationData(byte[] token) throws IOException {
        List<X509Certificate> chains = new ArrayList<>(credentials.chain());
        chains.addAll(ValidationData.tokenCertificates(token));
        return ValidationData.select(chains, revocation.crls(chains), clock.instant()).contents();
    }

    private static byte[] cms(CmsSignatureBuilder builder, InputStream signedBytes) throws IOException {
        try {
            return builder.build(signedBytes);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }

    private String commonName() {
        try {
            X500Name subject = new JcaX509CertificateHolder(credentials.certificate()).getSubject();
            RDN[] cn = subject.getRDNs(BCStyle.CN);
            return cn.length == 0 ? subject.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
