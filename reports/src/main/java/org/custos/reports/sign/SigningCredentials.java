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
     * (which key would sign must never be a guess): name the alias with {@link #fromPkcs12(Path, char[], String)}.
     */
    public static SigningCredentials fromPkcs12(Path file, char[] password) throws IOException {
        return load(file, password, null);
    }

    /**
     * Loads the private-key entry {@code alias} of a PKCS#12 file that may hold several. An alias that is not there,
     * or that names a certificate without a key, is refused with the key aliases the file does hold.
     */
    public static SigningCredentials fromPkcs12(Path file, char[] password, String alias) throws IOException {
        Objects.requireNonNull(alias, "alias");
        if (alias.isBlank()) {
            throw new IllegalArgumentException("the keystore alias must not be blank");
        }
        return load(file, password, alias);
    }

    private static SigningCredentials load(Path file, char[] password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read keystore " + file + ": " + e.getMessage(), e);
            }
            List<String> keys = new ArrayList<>();
            for (String entry : Collections.list(store.aliases())) {
                if (store.isKeyEntry(entry)) {
                    keys.add(entry);
                }
            }
            String chosen;
            if (alias == null) {
                if (keys.size() != 1) {
                    throw new IllegalArgumentException("keystore " + file + " must hold exactly one private key, "
                            + "holds " + keys.size() + (keys.isEmpty() ? "" : " " + keys + ": name the alias"));
                }
                chosen = keys.get(0);
            } else {
                // PKCS#12 aliases are case-insensitive in the JDK (stored lower case): match as the keystore does
                chosen = keys.stream().filter(k -> k.equalsIgnoreCase(alias)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("keystore " + file + " has no private key "
                                + "with alias '" + alias + "'; its key aliases are " + keys));
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            Certificate[] certificates = store.getCertificateChain(chosen);
            if (key == null || certificates == null || certificates.length == 0) {
                throw new IllegalArgumentException("keystore " + file + " entry '" + chosen
                        + "' has no private key with a certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new SigningCredentials(key, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
