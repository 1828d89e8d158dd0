package org.custos.reports.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Fetches the CRLs named by the certificates' CRL distribution points (RFC 5280 §4.2.1.13), {@code http} and
 * {@code https} URIs only, over {@code java.net.http} with a per-request time limit and a size limit (a larger
 * answer is abandoned, never buffered). Self-signed certificates are skipped. Any failure is an
 * {@link IOException}: without revocation data the signature cannot be B-LT, and the caller decides.
 */
public final class DistributionPointCrls implements RevocationSource {

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    public DistributionPointCrls(Duration timeout, long maxBytes) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public List<X509CRL> crls(List<X509Certificate> certificates) throws IOException {
        Set<URI> urls = new LinkedHashSet<>();
        for (X509Certificate certificate : certificates) {
            if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                List<URI> named = distributionPoints(certificate);
                if (named.isEmpty()) {
                    throw new IOException("certificate " + certificate.getSubjectX500Principal()
                            + " names no http CRL distribution point");
                }
                urls.addAll(named);
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        for (URI url : urls) {
            crls.add(fetch(url));
        }
        return crls;
    }

    static List<URI> distributionPoints(X509Certificate certificate) throws IOException {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> urls = new ArrayList<>();
        if (extension == null) {
            return urls;
        }
        CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
        for (DistributionPoint point : points.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                continue;
            }
            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String uri = general.getName().toString();
                    if (uri.startsWith("http://") || uri.startsWith("https://")) {
                        urls.add(URI.create(uri));
                    }
                }
            }
        }
        return urls;
    }

    private X509CRL fetch(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the CRL " + url, e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("CRL distribution point " + url + " answered HTTP " + response.statusCode());
            }
            body = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        }
        if (body.length > maxBytes) {
            throw new IOException("CRL at " + url + " exceeds the limit of " + maxBytes + " bytes");
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("the answer of " + url + " is not a CRL: " + e.getMessage(), e);
        }
    }
}
