package org.custos.portal.reports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The certificate(s) the portal's reports chain to, as published at {@code /reports/trust-anchor.pem} and used by
 * the verify page: the PEM file named by {@code custos.reports.trust-anchor} ({@code CUSTOS_REPORTS_TRUST_ANCHOR});
 * without it, the last certificate of the signing keystore's chain ({@code CUSTOS_REPORTS_KEYSTORE}, its password
 * and optional alias), as docs/reports.md says. Read on each use (small files), so a renewed anchor needs no
 * restart. The files are parsed by the JDK's {@link CertificateFactory}; nothing is written.
 */
@ApplicationScoped
public class ReportTrustAnchor {

    public static final String TRUST_ANCHOR = "custos.reports.trust-anchor";
    public static final String KEYSTORE = "custos.reports.keystore";
    public static final String KEYSTORE_PASSWORD = "custos.reports.keystore-password";
    public static final String KEY_ALIAS = "custos.reports.key-alias";
    /** A trust anchor file is a few kilobytes; anything this large is not one. */
    public static final long MAX_PEM_BYTES = 1 << 20;

    /** The anchor certificates, their PEM text, and where they came from (for the page). */
    public record Anchor(List<X509Certificate> certificates, String pem, String source) {
        public Anchor {
            certificates = List.copyOf(certificates);
        }

        /** The subjects, for people. */
        public String subjects() {
            return String.join("; ", certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
        }
    }

    /** Why there is no anchor: not configured (503 at the servlet), or configured but unreadable. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean configured;

        Unavailable(boolean configured, String message) {
            super(message, null, false, false);
            this.configured = configured;
        }

        public boolean configured() {
            return configured;
        }
    }

    public Anchor load() throws Unavailable {
        Config config = ConfigProvider.getConfig();
        Optional<String> pem = value(config, TRUST_ANCHOR);
        if (pem.isPresent()) {
            return fromPem(Path.of(pem.get()));
        }
        Optional<String> keystore = value(config, KEYSTORE);
        if (keystore.isPresent()) {
            return cachedKeystore(Path.of(keystore.get()), value(config, KEYSTORE_PASSWORD).orElse(""),
                    value(config, KEY_ALIAS).orElse(null));
        }
        throw new Unavailable(false, "no trust anchor is configured: set CUSTOS_REPORTS_TRUST_ANCHOR (a PEM file) "
                + "or CUSTOS_REPORTS_KEYSTORE");
    }

    /**
     * Opening a PKCS#12 file costs a key derivation; the anchor is public and fetched without sign-in, so the
     * anchor read from a keystore is kept until the file (its time or size) or the alias changes.
     */
    private Anchor cachedKeystore(Path file, String password, String alias) throws Unavailable {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.getLastModifiedTime(file) + "|" + Files.size(file) + "|" + alias;
        } catch (IOException e) {
            throw new Unavailable(true, "the report keystore (CUSTOS_REPORTS_KEYSTORE) does not exist");
        }
        Cached c = cached;
        if (c != null && c.key().equals(key)) {
            return c.anchor();
        }
        Anchor anchor = fromKeystore(file, password, alias);
        cached = new Cached(key, anchor);
        return anchor;
    }

    private record Cached(String key, Anchor anchor) {
    }

    private volatile Cached cached;

    static Anchor fromPem(Path file) throws Unavailable {
        try {
            if (!Files.isRegularFile(file)) {
                throw new Unavailable(true, "the trust anchor file (CUSTOS_REPORTS_TRUST_ANCHOR) does not exist");
            }
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw new Unavailable(true, "the trust anchor file is larger than " + MAX_PEM_BYTES + " bytes");
            }
            List<X509Certificate> certificates = parse(Files.readAllBytes(file));
            return new Anchor(certificates, pem(certificates), "CUSTOS_REPORTS_TRUST_ANCHOR");
        } catch (IOException e) {
            throw new Unavailable(true, "the trust anchor file could not be read");
        }
    }

    static Anchor fromKeystore(Path file, String password, String alias) throws Unavailable {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            String chosen = alias != null ? alias : onlyKey(store);
            Certificate[] chain = chosen == null ? null : store.getCertificateChain(chosen);
            if (chain == null || chain.length == 0 || !(chain[chain.length - 1] instanceof X509Certificate last)) {
                throw new Unavailable(true, "the report keystore has no certificate chain"
                        + (alias == null ? " (set CUSTOS_REPORTS_KEY_ALIAS when it holds several keys)" : " for that alias"));
            }
            return new Anchor(List.of(last), pem(List.of(last)), "the last certificate of CUSTOS_REPORTS_KEYSTORE's chain");
        } catch (IOException | GeneralSecurityException e) {
            throw new Unavailable(true, "the report keystore could not be read (path or password)");
        }
    }

    private static String onlyKey(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        return keys.size() == 1 ? keys.get(0) : null;
    }

    /** Every certificate of a PEM (or DER) file; at least one. */
    public static List<X509Certificate> parse(byte[] pem) throws Unavailable {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new Unavailable(true, "the trust anchor file holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Unavailable(true, "the trust anchor file is not a PEM certificate file");
        }
    }

    /** RFC 7468 text encoding: 64 base64 characters a line. */
    public static String pem(List<X509Certificate> certificates) throws Unavailable {
        StringBuilder text = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        try {
            for (X509Certificate c : certificates) {
                text.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (GeneralSecurityException e) {
            throw new Unavailable(true, "a trust anchor certificate could not be encoded");
        }
        return text.toString();
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
