package org.custos.portal.reports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.reports.sign.CrlFiles;
import org.custos.reports.sign.HttpTimestampClient;
import org.custos.reports.sign.PadesSigner;
import org.custos.reports.sign.SigningCredentials;
import org.custos.reports.sign.TimestampClient;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The report signer, configured from the environment (docs/reports.md, "Signing in the portal"):
 * {@code CUSTOS_REPORTS_KEYSTORE} (PKCS#12; never in the repository), {@code CUSTOS_REPORTS_KEYSTORE_PASSWORD},
 * {@code CUSTOS_REPORTS_TSA_URL} (optional: PAdES B-T), {@code CUSTOS_REPORTS_CRL} (optional, with the TSA:
 * PAdES B-LT; comma-separated CRL files, read again for every report so that a refreshed CRL is used at once),
 * {@code CUSTOS_REPORTS_TRUST_ANCHOR} (the CA published to
 * readers; default: the last certificate of the keystore's chain), {@code CUSTOS_REPORTS_ISSUER}. The keystore is
 * read on first use; a portal without one runs, and issuing says what is missing.
 */
@ApplicationScoped
public class ReportSigning {

    public static final String KEYSTORE = "custos.reports.keystore";
    public static final String PASSWORD = "custos.reports.keystore-password";
    public static final String TSA_URL = "custos.reports.tsa-url";
    public static final String TRUST_ANCHOR = "custos.reports.trust-anchor";
    public static final String ISSUER = "custos.reports.issuer";
    public static final String CRL = "custos.reports.crl";

    /** Signing is not configured or its configuration is wrong; the message says which setting. */
    public static final class NotConfiguredException extends IllegalStateException {
        NotConfiguredException(String message) {
            super(message);
        }
    }

    /** A configured signer: sign with it and name the level it produces. */
    public record Signer(PadesSigner signer, String level, SigningCredentials credentials) {
        public byte[] sign(byte[] pdf, String reason, String location) throws IOException {
            return signer.sign(pdf, reason, location);
        }
    }

    private volatile SigningCredentials credentials;

    public Signer signer(Clock clock) {
        SigningCredentials c = credentials();
        Optional<String> tsa = value(TSA_URL);
        TimestampClient timestamps = tsa.map(url -> (TimestampClient) new HttpTimestampClient(URI.create(url),
                Duration.ofSeconds(20))).orElse(null);
        Optional<String> crls = value(CRL);
        if (crls.isEmpty()) {
            return new Signer(new PadesSigner(c, clock, timestamps), timestamps == null ? "PAdES-B-B" : "PAdES-B-T",
                    c);
        }
        if (timestamps == null) {
            throw new NotConfiguredException("CUSTOS_REPORTS_CRL is set for PAdES B-LT, which needs a timestamp "
                    + "authority: set CUSTOS_REPORTS_TSA_URL too (or unset CUSTOS_REPORTS_CRL for B-B)");
        }
        return new Signer(new PadesSigner(c, clock, timestamps, revocation(crls.get())), "PAdES-B-LT", c);
    }

    /** The CRL files, read now; a missing or unreadable one is a configuration error naming the file. */
    static CrlFiles revocation(String files) {
        List<Path> paths = new ArrayList<>();
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                paths.add(Path.of(file.strip()));
            }
        }
        if (paths.isEmpty()) {
            throw new NotConfiguredException("CUSTOS_REPORTS_CRL names no file");
        }
        try {
            return CrlFiles.read(paths);
        } catch (IOException | IllegalArgumentException e) {
            throw new NotConfiguredException("CUSTOS_REPORTS_CRL cannot be read: " + e.getMessage());
        }
    }

    /** The issuer printed on reports. */
    public String issuer() {
        return value(ISSUER).orElse("Custos regulator portal");
    }

    /** The certificates a reader should trust: the configured PEM, else the root of the signing chain. */
    public List<X509Certificate> trustAnchors() {
        Optional<String> pem = value(TRUST_ANCHOR);
        if (pem.isPresent()) {
            return readPem(Path.of(pem.get()));
        }
        List<X509Certificate> chain = credentials().chain();
        return List.of(chain.get(chain.size() - 1));
    }

    private SigningCredentials credentials() {
        SigningCredentials c = credentials;
        if (c == null) {
            String keystore = value(KEYSTORE).orElseThrow(() -> new NotConfiguredException(
                    "report signing is not configured (CUSTOS_REPORTS_KEYSTORE)"));
            char[] password = value(PASSWORD).orElse("").toCharArray();
            try {
                c = SigningCredentials.fromPkcs12(Path.of(keystore), password);
            } catch (IOException | IllegalArgumentException e) {
                throw new NotConfiguredException("report signing keystore cannot be used: " + e.getMessage());
            }
            credentials = c;
        }
        return c;
    }

    static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new NotConfiguredException("no certificate in CUSTOS_REPORTS_TRUST_ANCHOR " + file);
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new NotConfiguredException("CUSTOS_REPORTS_TRUST_ANCHOR " + file + " cannot be read: "
                    + e.getMessage());
        }
    }

    private static Optional<String> value(String key) {
        Config config = ConfigProvider.getConfig(ReportSigning.class.getClassLoader());
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }
}
