package org.custos.portal.ledger.infrastructure;

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
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.custos.portal.ledger.domain.LedgerConfigException;

/**
 * Loads the CA certificates the portal trusts for {@code https://} nodes ({@code CUSTOS_LEDGER_TRUST_STORE}): a PEM
 * file of one or more certificates, or a PKCS#12 store (with {@code CUSTOS_LEDGER_TRUST_STORE_PASSWORD} if it has
 * one). Only these CAs are trusted then, not the JDK's defaults: the consortium's own CA is pinned. Host names are
 * still checked against the certificate.
 */
final class TrustStores {

    /** The trusted CAs as a TLS context and trust manager, and what to call them in messages. */
    record Trust(SSLContext context, X509TrustManager manager, String description) {
    }

    private TrustStores() {
    }

    static Trust load(String file, String password) {
        Path path = Path.of(file);
        String key = NodeTransport.env(NodeTransport.TRUST_STORE);
        if (!Files.isReadable(path)) {
            throw new LedgerConfigException(key + ": cannot read the trust store " + path);
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            KeyStore store = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII)
                    .contains("-----BEGIN CERTIFICATE-----") ? pem(path) : pkcs12(path, password);
            if (store.size() == 0) {
                throw new LedgerConfigException(key + ": the trust store " + path + " holds no certificate"
                        + (password == null ? " (a PKCS#12 store with a password needs "
                        + NodeTransport.env(NodeTransport.TRUST_STORE_PASSWORD) + ")" : ""));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    manager = x;
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new Trust(context, manager, key + " (" + path.getFileName() + ", " + store.size() + " CA)");
        } catch (IOException | GeneralSecurityException e) {
            String hint = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")
                    ? " (wrong or missing " + NodeTransport.env(NodeTransport.TRUST_STORE_PASSWORD) + "?)" : "";
            throw new LedgerConfigException(key + ": cannot load the trust store " + path + " as PEM certificates or "
                    + "PKCS#12: " + e.getMessage() + hint);
        }
    }

    private static KeyStore pem(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(path)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            int i = 0;
            for (Certificate c : certificates) {
                if (c instanceof X509Certificate x) {
                    store.setCertificateEntry("ca-" + i++, x);
                }
            }
        }
        return store;
    }

    private static KeyStore pkcs12(Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }
}
