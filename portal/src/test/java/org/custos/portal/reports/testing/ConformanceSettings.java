package org.custos.portal.reports.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the validators are given besides the file: the trust anchors (every validator trusts exactly these), the
 * CRLs DSS may use offline for B-B and B-T (B-LT carries its own), and the node that {@code transcript --rpc}
 * re-verifies the embedded evidence against.
 *
 * <p>{@link #fromEnvironment} reads what the portal under test is configured with: {@code CUSTOS_REPORTS_TRUST_ANCHOR}
 * (a PEM file of one or more certificates) and {@code CUSTOS_REPORTS_CRL} (comma-separated CRL files, optional).
 */
public record ConformanceSettings(List<X509Certificate> anchors, List<X509CRL> crls, String rpcUrl) {

    public static final String TRUST_ANCHOR_ENV = "CUSTOS_REPORTS_TRUST_ANCHOR";
    public static final String CRL_ENV = "CUSTOS_REPORTS_CRL";

    public ConformanceSettings {
        anchors = List.copyOf(anchors);
        crls = List.copyOf(crls);
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor: every validator needs at least one");
        }
        if (rpcUrl == null || rpcUrl.isBlank()) {
            throw new IllegalArgumentException("no node URL for transcript --rpc");
        }
    }

    /** The portal's configured anchors and CRLs (from the environment, as the portal under test reads them). */
    public static ConformanceSettings fromEnvironment(Map<String, String> env, String rpcUrl) {
        String anchor = env.get(TRUST_ANCHOR_ENV);
        if (anchor == null || anchor.isBlank()) {
            throw new IllegalStateException(TRUST_ANCHOR_ENV + " is not set: the test environment exports the "
                    + "report PKI (scripts/lib/reports-pki.sh); run the tests with scripts/test.sh or services.sh");
        }
        List<X509CRL> crls = new ArrayList<>();
        String crlFiles = env.getOrDefault(CRL_ENV, "");
        for (String file : crlFiles.split(",")) {
            if (!file.isBlank()) {
                crls.add(readCrl(Path.of(file.trim())));
            }
        }
        return new ConformanceSettings(readCertificates(Path.of(anchor)), crls, rpcUrl);
    }

    /** These settings plus more anchors and CRLs (e.g. a test TSA's own CA). */
    public ConformanceSettings with(List<X509Certificate> moreAnchors, List<X509CRL> moreCrls) {
        List<X509Certificate> a = new ArrayList<>(anchors);
        moreAnchors.stream().filter(c -> !a.contains(c)).forEach(a::add);
        List<X509CRL> c = new ArrayList<>(crls);
        c.addAll(moreCrls);
        return new ConformanceSettings(a, c, rpcUrl);
    }

    /** Every certificate of a PEM (or DER) file; fails on none. */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> list = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                list.add((X509Certificate) c);
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return list;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    /** One CRL, PEM or DER. */
    public static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read a CRL from " + file + ": " + e.getMessage(), e);
        }
    }
}
