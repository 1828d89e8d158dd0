package org.custos.reports.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * The PAdES B-LT validation data in the catalogue's {@code /DSS} (ISO 32000-2 §12.8.4.3): every {@code /Certs}
 * entry is an X.509 certificate on the validated path of the signer or of the timestamp authority (anchors
 * included); every {@code /CRLs} entry is a CRL whose issuer name is the subject of such a certificate and whose
 * signature verifies under its key; every {@code /OCSPs} entry parses as an OCSP response. What the CRLs say about
 * revocation is not judged (the verifier is offline and has no policy for freshness); EU DSS does that.
 */
final class LongTermData {

    private static final COSName DSS = COSName.getPDFName("DSS");

    private LongTermData() {
    }

    /** Returns whether the document has a /DSS (checked); rejects one that does not hold. */
    static boolean check(PDDocument document, List<X509Certificate> chains) throws Rejection {
        COSBase value = document.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS);
        if (value == null) {
            return false;
        }
        if (!(value instanceof COSDictionary dss)) {
            throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS", "a dictionary", value.getClass().getSimpleName());
        }
        for (byte[] der : streams(dss, "Certs")) {
            X509Certificate certificate = parse(der, "Certs", CertificateKind.CERTIFICATE);
            if (!chains.contains(certificate)) {
                throw new Rejection(ReportReasonCode.DSS_CERTIFICATE_NOT_ON_PATH, "/DSS /Certs",
                        "certificates of the validated paths", certificate.getSubjectX500Principal().getName());
            }
        }
        for (byte[] der : streams(dss, "CRLs")) {
            X509CRL crl = parse(der, "CRLs", CertificateKind.CRL);
            boolean fromChain = chains.stream().anyMatch(issuer -> issued(crl, issuer));
            if (!fromChain) {
                throw new Rejection(ReportReasonCode.DSS_CRL_NOT_FROM_CHAIN, "/DSS /CRLs",
                        "a CRL signed by an issuer on the validated paths", crl.getIssuerX500Principal().getName());
            }
        }
        for (byte[] der : streams(dss, "OCSPs")) {
            try {
                new OCSPResp(der);
            } catch (IOException | RuntimeException e) {
                throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS /OCSPs", "OCSP responses", e.getMessage());
            }
        }
        return true;
    }

    private enum CertificateKind { CERTIFICATE, CRL }

    @SuppressWarnings("unchecked")
    private static <T> T parse(byte[] der, String key, CertificateKind kind) throws Rejection {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Object parsed = kind == CertificateKind.CRL ? factory.generateCRL(new ByteArrayInputStream(der))
                    : factory.generateCertificate(new ByteArrayInputStream(der));
            if (parsed == null) {
                throw new GeneralSecurityException("empty");
            }
            return (T) parsed;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS /" + key, "DER " + kind.name().toLowerCase(),
                    e.getMessage());
        }
    }

    private static boolean issued(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String key) throws Rejection {
        COSBase value = dss.getDictionaryObject(COSName.getPDFName(key));
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof COSArray array)) {
            throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS /" + key, "an array of streams",
                    value.getClass().getSimpleName());
        }
        List<byte[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getObject(i) instanceof COSStream stream)) {
                throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS /" + key + "[" + i + "]", "a stream",
                        String.valueOf(array.getObject(i)));
            }
            try (var in = stream.createInputStream()) {
                out.add(in.readNBytes(1 << 20));
            } catch (IOException e) {
                throw new Rejection(ReportReasonCode.DSS_MALFORMED, "/DSS /" + key + "[" + i + "]", "a readable stream",
                        e.getMessage());
            }
        }
        return out;
    }
}
