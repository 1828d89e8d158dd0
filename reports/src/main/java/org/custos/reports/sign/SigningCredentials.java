package org.custos.reports.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The signing key and its certificate chain (signer first). Loaded from a PKCS#12 keystore whose path and password
 * the caller takes from its configuration (arguments or environment); keys never live in the repository.
 */
public record SigningCredentials(PrivateKey key, List<X509Certificate> chain) {

    public SigningCredentials {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing certificate is required");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Loads the only private-key entry of a PKCS#12 file. A keystore with no key entry, or with several, is refused
     * (which key would sign must never be a guess).
     */
    public static SigningCredentials fromPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read keystore " + file + ": " + e.getMessage(), e);
            }
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new IllegalArgumentException("keystore " + file + " must hold exactly one private key, holds "
                        + keys.size());
            }
            PrivateKey key = (PrivateKey) store.getKey(keys.get(0), password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(keys.get(0))) {
                chain.add((X509Certificate) c);
            }
            return new SigningCredentials(key, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
