package org.custos.verify.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the command line reaches a node: connect timeout, an overall deadline per request (headers and the whole
 * body), the largest answer accepted, an optional pinned trust store for {@code https://} and an optional
 * {@code Authorization} header value.
 *
 * <p>Credentials come from the environment only ({@link #AUTHORIZATION_ENV}), never from arguments (visible to
 * every user in the process list) or the repository; {@link #toString()} never shows them.
 *
 * @param trustStore PEM file of CA certificates, or a PKCS12 or JKS key store; null: the JDK's default CAs
 * @param trustStorePassword for a PKCS12/JKS trust store that needs one; may be null
 * @param authorization the {@code Authorization} header value (e.g. {@code Bearer eyJ...}); null: none
 */
public record RpcSettings(Duration connectTimeout, Duration deadline, long maxResponseBytes, Path trustStore,
                          String trustStorePassword, String authorization) {

    /** The {@code Authorization} header value sent with every request (e.g. {@code Bearer <JWT>}). */
    public static final String AUTHORIZATION_ENV = "CUSTOS_RPC_AUTHORIZATION";
    /** Trust store used when {@code --trust-store} is not given. */
    public static final String TRUST_STORE_ENV = "CUSTOS_RPC_TRUST_STORE";
    /** Password of a PKCS12/JKS trust store (a PEM file needs none). */
    public static final String TRUST_STORE_PASSWORD_ENV = "CUSTOS_RPC_TRUST_STORE_PASSWORD";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;
    /** An answer is held in one array in memory: the configurable limit stays well below 2 GiB. */
    public static final long MAX_RESPONSE_BYTES_CEILING = 1L << 30;

    public RpcSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_CEILING) {
            throw new IllegalArgumentException("the answer size limit must be between 1 byte and 1 GiB");
        }
        if (authorization != null && !authorization.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            // the value itself is never echoed
            throw new IllegalArgumentException(AUTHORIZATION_ENV + " holds characters not allowed in an HTTP header");
        }
        if (authorization != null && authorization.isBlank()) {
            authorization = null;
        }
    }

    /** Defaults (5 s connect, 60 s per request, 64 MiB per answer), no trust store, no credentials. */
    public static RpcSettings defaults() {
        return new RpcSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES, null, null,
                null);
    }

    /** Defaults, with the trust store and credentials the environment names. */
    public static RpcSettings fromEnvironment(Map<String, String> env) {
        String store = env.get(TRUST_STORE_ENV);
        return new RpcSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES,
                store == null || store.isBlank() ? null : Path.of(store), env.get(TRUST_STORE_PASSWORD_ENV),
                env.get(AUTHORIZATION_ENV));
    }

    public RpcSettings withTimeouts(Duration connect, Duration perRequest) {
        return new RpcSettings(connect, perRequest, maxResponseBytes, trustStore, trustStorePassword, authorization);
    }

    public RpcSettings withMaxResponseBytes(long bytes) {
        return new RpcSettings(connectTimeout, deadline, bytes, trustStore, trustStorePassword, authorization);
    }

    public RpcSettings withTrustStore(Path file) {
        return new RpcSettings(connectTimeout, deadline, maxResponseBytes, file, trustStorePassword, authorization);
    }

    public RpcSettings withAuthorization(String value) {
        return new RpcSettings(connectTimeout, deadline, maxResponseBytes, trustStore, trustStorePassword, value);
    }

    /**
     * A TLS context trusting only the certificates of {@link #trustStore()} (a pinned CA; the JDK's default CAs
     * are not consulted), or null when no trust store is set.
     */
    SSLContext sslContext() {
        if (trustStore == null) {
            return null;
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(loadTrustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trust store " + trustStore + " cannot be read: " + e.getMessage(), e);
        }
    }

    private KeyStore loadTrustStore() throws IOException, GeneralSecurityException {
        byte[] content = Files.readAllBytes(trustStore);
        KeyStore store;
        if (new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content));
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        } else {
            store = KeyStore.getInstance(trustStore.toFile(),
                    trustStorePassword == null ? null : trustStorePassword.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias) || store.getCertificate(alias) != null) {
                return store;
            }
        }
        throw new GeneralSecurityException("it holds no certificate");
    }

    /** Never shows the credentials or the trust store password. */
    @Override
    public String toString() {
        return "RpcSettings[connectTimeout=" + connectTimeout + ", deadline=" + deadline + ", maxResponseBytes="
                + maxResponseBytes + ", trustStore=" + trustStore + ", authorization="
                + (authorization == null ? "none" : "(set)") + "]";
    }
}
