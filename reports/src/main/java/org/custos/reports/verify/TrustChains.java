package org.custos.reports.verify;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.util.Store;

/**
 * Builds and validates an RFC 5280 path (the JDK's PKIX CertPathBuilder) from a certificate, through the
 * intermediates the signature carries, to one of the configured trust anchors, at a given time. Revocation is not
 * checked here (no network; see docs/reports.md): DSS with a CRL covers it in the conformance tests.
 */
final class TrustChains {

    private final Set<TrustAnchor> anchors = new HashSet<>();

    TrustChains(List<X509Certificate> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        trusted.forEach(c -> anchors.add(new TrustAnchor(c, null)));
    }

    /** Returns the validated path's certificates, the trust anchor last. */
    @SuppressWarnings("unchecked")
    List<X509Certificate> requireChain(X509Certificate certificate, Store<?> carried, Instant at,
                                       ReportReasonCode reason, String subject) throws Rejection {
        Date when = Date.from(at);
        if (when.after(certificate.getNotAfter()) || when.before(certificate.getNotBefore())) {
            throw new Rejection(reason, subject, "valid at " + at, "certificate valid only from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + (when.after(certificate.getNotAfter()) ? " (expired)" : " (not yet valid)"));
        }
        try {
            List<X509Certificate> intermediates = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object holder : carried.getMatches(null)) {
                intermediates.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(intermediates)));
            PKIXCertPathBuilderResult path = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            requireOnlyPathCertificates(intermediates, path, subject);
            List<X509Certificate> chain = new ArrayList<>();
            path.getCertPath().getCertificates().forEach(c -> chain.add((X509Certificate) c));
            chain.add(path.getTrustAnchor().getTrustedCert());
            return chain;
        } catch (GeneralSecurityException e) {
            throw new Rejection(reason, subject, "a valid path to a trust anchor at " + at, e.getMessage());
        }
    }

    /**
     * Certificates are unsigned parts of a CMS: one that is neither on the validated path nor the anchor itself
     * could be altered or added without any check noticing, so it is refused.
     */
    private static void requireOnlyPathCertificates(List<X509Certificate> carried, PKIXCertPathBuilderResult path,
                                                    String subject) throws Rejection {
        Set<X509Certificate> allowed = new HashSet<>();
        path.getCertPath().getCertificates().forEach(c -> allowed.add((X509Certificate) c));
        allowed.add(path.getTrustAnchor().getTrustedCert());
        for (X509Certificate certificate : carried) {
            if (!allowed.contains(certificate)) {
                throw new Rejection(ReportReasonCode.CERTIFICATE_NOT_ON_PATH, subject,
                        "only certificates of the validated path", certificate.getSubjectX500Principal().getName());
            }
        }
    }
}
