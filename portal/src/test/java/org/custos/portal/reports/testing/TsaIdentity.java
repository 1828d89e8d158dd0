package org.custos.portal.reports.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.custos.reports.testing.TestPki;

/**
 * The test TSA's key and certificate chain (TSA certificate first: extended key usage timeStamping, critical),
 * plus what validators must additionally trust for it: nothing when the TSA is certified by the report CA the
 * portal already trusts, or its own CA and CRL when it is not.
 *
 * <p>{@link #fromEnvironment}: the PKCS#12 keystore named by {@code CUSTOS_TEST_TSA_KEYSTORE} (password
 * {@code CUSTOS_TEST_TSA_KEYSTORE_PASSWORD}) that the test PKI issues under the report CA, so that the portal's own
 * verifier (verify page) accepts its timestamps; else a throw-away CA of its own ({@link TestPki}), whose
 * certificate and CRL {@link #extraAnchors()} and {@link #extraCrls()} hand to the validators.
 */
public record TsaIdentity(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> extraAnchors,
                          List<X509CRL> extraCrls) {

    public static final String KEYSTORE_ENV = "CUSTOS_TEST_TSA_KEYSTORE";
    public static final String PASSWORD_ENV = "CUSTOS_TEST_TSA_KEYSTORE_PASSWORD";

    public TsaIdentity {
        chain = List.copyOf(chain);
        extraAnchors = List.copyOf(extraAnchors);
        extraCrls = List.copyOf(extraCrls);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the TSA needs its certificate");
        }
    }

    /** The TSA of a test PKI: same CA as the signer, nothing extra to trust. */
    public static TsaIdentity of(TestPki pki) {
        return new TsaIdentity(pki.tsaKeys.getPrivate(), List.of(pki.tsa, pki.ca), List.of(), List.of());
    }

    /** A TSA with a CA of its own: validators must trust that CA and may use its CRL. */
    public static TsaIdentity ownCa(Instant now) {
        TestPki pki = TestPki.create(now, "Portal test TSA");
        return new TsaIdentity(pki.tsaKeys.getPrivate(), List.of(pki.tsa, pki.ca), List.of(pki.ca), List.of(pki.crl));
    }

    public static TsaIdentity fromEnvironment(Map<String, String> env, Instant now) {
        String keystore = env.get(KEYSTORE_ENV);
        if (keystore == null || keystore.isBlank()) {
            return ownCa(now);
        }
        return fromPkcs12(Path.of(keystore), env.getOrDefault(PASSWORD_ENV, "").toCharArray());
    }

    /** The one key entry of a PKCS#12 keystore and its chain; nothing extra to trust (the chain's root is). */
    public static TsaIdentity fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new IllegalArgumentException(file + ": expected one key entry, found " + keys);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(keys.get(0))) {
                chain.add((X509Certificate) c);
            }
            return new TsaIdentity((PrivateKey) store.getKey(keys.get(0), password), chain, List.of(), List.of());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the TSA keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
