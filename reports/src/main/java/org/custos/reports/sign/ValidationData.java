package org.custos.reports.sign;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The validation data of a PAdES B-LT signature (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3): the
 * certificates of the signer's and the timestamp authority's chains and CRLs covering every certificate that is
 * not self-signed, written by {@link DssIncrement} as the catalogue's {@code /DSS} dictionary in an update after
 * the signature. The data is chosen and checked before it is written: every CRL is from the issuer
 * of a certificate it covers (issuer name and signature), none lists a certificate of the chains as revoked, and
 * the signing time lies within each CRL's validity.
 */
final class ValidationData {

    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;

    private ValidationData(List<X509Certificate> certificates, List<X509CRL> crls) {
        this.certificates = certificates;
        this.crls = crls;
    }

    /** The certificates a timestamp token carries (the TSA's chain as the TSA sends it). */
    static List<X509Certificate> tokenCertificates(byte[] token) throws IOException {
        try {
            TimeStampToken parsed = new TimeStampToken(ContentInfo.getInstance(token));
            List<X509Certificate> list = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = parsed.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : holders) {
                list.add(converter.getCertificate(holder));
            }
            return list;
        } catch (TSPException | CertificateException | IllegalArgumentException e) {
            throw new IOException("the timestamp authority's token is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Chooses, from {@code available}, one CRL per issuer for every certificate that is not self-signed.
     *
     * @throws IOException when a certificate has no CRL from its issuer, its issuer is not among the
     *                     certificates, or a CRL lists it as revoked
     */
    static ValidationData select(List<X509Certificate> chains, List<X509CRL> available, Instant at)
            throws IOException {
        Set<X509Certificate> certificates = new LinkedHashSet<>(chains);
        Set<X509CRL> chosen = new LinkedHashSet<>();
        for (X509Certificate certificate : certificates) {
            if (selfSigned(certificate)) {
                continue;
            }
            X509Certificate issuer = certificates.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                    .findFirst().orElseThrow(() -> new IOException("the issuer of "
                            + certificate.getSubjectX500Principal() + " is not in the chain: cannot check its CRL"));
            X509CRL crl = available.stream().filter(c -> issuedBy(c, issuer) && current(c, at)).findFirst()
                    .orElseThrow(() -> new IOException("no current CRL from " + issuer.getSubjectX500Principal()
                            + " for " + certificate.getSubjectX500Principal() + " at " + at));
            if (crl.isRevoked(certificate)) {
                throw new IOException("certificate " + certificate.getSubjectX500Principal() + " (serial "
                        + certificate.getSerialNumber() + ") is revoked: refusing to sign");
            }
            chosen.add(crl);
        }
        return new ValidationData(List.copyOf(certificates), List.copyOf(chosen));
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean issuedBy(X509CRL crl, X509Certificate issuer) {
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

    private static boolean current(X509CRL crl, Instant at) {
        Date when = Date.from(at);
        return !crl.getThisUpdate().after(when) && (crl.getNextUpdate() == null || crl.getNextUpdate().after(when));
    }

    /** The DER encodings for {@link DssIncrement}. */
    DssIncrement.Contents contents() throws IOException {
        List<byte[]> certs = new ArrayList<>();
        List<byte[]> revocations = new ArrayList<>();
        try {
            for (X509Certificate certificate : certificates) {
                certs.add(certificate.getEncoded());
            }
            for (X509CRL crl : crls) {
                revocations.add(crl.getEncoded());
            }
        } catch (CertificateException | java.security.cert.CRLException e) {
            throw new IOException(e);
        }
        return new DssIncrement.Contents(certs, revocations, List.of());
    }
}
