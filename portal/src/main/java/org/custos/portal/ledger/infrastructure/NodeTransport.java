package org.custos.portal.ledger.infrastructure;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.custos.portal.ledger.domain.LedgerConfigException;
import org.custos.portal.ledger.domain.LedgerSettings;

/**
 * How the portal reaches its nodes (docs/operations.md "Ledger node connections"): per-request connect and read
 * timeouts and an overall deadline per call (a node that trickles its answer a byte at a time is cut off there),
 * the {@link AnswerLimits} of every answer, TLS trust (the JDK's CAs, or only those of a configured trust store),
 * and an {@code Authorization} header per endpoint, read from the environment only. The headers are never logged,
 * never put in a message and not shown by {@link #toString()}.
 *
 * <p>Authorization: {@code custos.ledger.authorization.<n>} ({@code CUSTOS_LEDGER_AUTHORIZATION_<n>}) for the
 * n-th endpoint of {@code CUSTOS_LEDGER_URLS}, counted from 1; otherwise {@code custos.ledger.authorization}
 * ({@code CUSTOS_LEDGER_AUTHORIZATION}) for every endpoint. The value is the whole header value (e.g.
 * {@code Bearer <JWT>} or {@code Basic <base64>}). Credentials are refused for a plain {@code http://} endpoint
 * other than the loopback host: they would cross the network in clear.
 */
public final class NodeTransport {

    public static final String MAX_RESPONSE_BYTES = "custos.ledger.max-response-bytes";
    public static final String MAX_RESPONSE_BYTES_ENV = "CUSTOS_LEDGER_MAX_RESPONSE_BYTES";
    public static final String CALL_TIMEOUT = "custos.ledger.call-timeout-seconds";
    public static final String TRUST_STORE = "custos.ledger.trust-store";
    public static final String TRUST_STORE_PASSWORD = "custos.ledger.trust-store-password";
    public static final String AUTHORIZATION = "custos.ledger.authorization";

    private final Duration timeout;
    private final Duration callTimeout;
    private final AnswerLimits limits;
    private final TrustStores.Trust trust;
    private final List<String> endpoints;
    private final List<String> authorizations;

    private NodeTransport(Duration timeout, Duration callTimeout, AnswerLimits limits, TrustStores.Trust trust,
                          List<String> endpoints, List<String> authorizations) {
        this.timeout = timeout;
        this.callTimeout = callTimeout;
        this.limits = limits;
        this.trust = trust;
        this.endpoints = List.copyOf(endpoints);
        this.authorizations = new ArrayList<>(authorizations);   // may hold nulls
    }

    /** Defaults only (no trust store, no credentials): for tools and tests that read a local node. */
    public static NodeTransport plain(Duration timeout, int batchSize) {
        return new NodeTransport(timeout, timeout.multipliedBy(2), AnswerLimits.forBatch(batchSize), null, List.of(),
                List.of());
    }

    /** Reads and checks the transport settings; a wrong value throws {@link LedgerConfigException} naming it. */
    public static NodeTransport from(LedgerSettings settings, Function<String, Optional<String>> config) {
        long maxBytes = number(config, MAX_RESPONSE_BYTES, AnswerLimits.forBatch(settings.batchSize()).maxBytes(),
                64 * 1024, AnswerLimits.MAX_BYTES);
        Duration call = Duration.ofSeconds(number(config, CALL_TIMEOUT, settings.timeout().toSeconds() * 2, 1, 3600));
        TrustStores.Trust trust = value(config, TRUST_STORE)
                .map(path -> TrustStores.load(path, value(config, TRUST_STORE_PASSWORD).orElse(null)))
                .orElse(null);
        if (value(config, AUTHORIZATION + ".0").isPresent()) {
            throw new LedgerConfigException(env(AUTHORIZATION + ".0") + " is set, but endpoints are counted from 1: "
                    + env(AUTHORIZATION + ".1") + " is the first URL of CUSTOS_LEDGER_URLS");
        }
        Optional<String> shared = value(config, AUTHORIZATION);
        List<String> authorizations = new ArrayList<>();
        for (int i = 0; i < settings.endpoints().size(); i++) {
            String url = settings.endpoints().get(i);
            String key = AUTHORIZATION + "." + (i + 1);
            Optional<String> own = value(config, key);
            String header = own.or(() -> shared).orElse(null);
            if (header != null) {
                check(header, own.isPresent() ? env(key) : env(AUTHORIZATION), url);
            }
            authorizations.add(header);
        }
        return new NodeTransport(settings.timeout(), call, new AnswerLimits(maxBytes), trust, settings.endpoints(),
                authorizations);
    }

    /** A read-only Web3j service for {@code url}, with this transport's client, limits and that URL's credentials. */
    public ReadOnlyHttpService service(String url) {
        int index = endpoints.indexOf(url);
        String authorization = index < 0 ? null : authorizations.get(index);
        String credentialKey = index < 0 ? null : env(AUTHORIZATION + "." + (index + 1)) + " or "
                + env(AUTHORIZATION);
        return new ReadOnlyHttpService(url, client(), limits, authorization, credentialKey,
                trust == null ? "the JDK's default CAs" : trust.description());
    }

    public AnswerLimits limits() {
        return limits;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    private OkHttpClient client() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory())
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .retryOnConnectionFailure(false);
        if (trust != null) {
            SSLContext context = trust.context();
            X509TrustManager manager = trust.manager();
            builder.sslSocketFactory(context.getSocketFactory(), manager);
        }
        return builder.build();
    }

    private static void check(String header, String key, String url) {
        if (header.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new LedgerConfigException(key + ": not a valid header value (printable ASCII only)");
        }
        URI uri = URI.create(url);
        if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
            throw new LedgerConfigException(key + ": credentials for " + url + " would cross the network in clear; "
                    + "use an https:// URL");
        }
    }

    private static boolean loopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // a literal address only: no name lookup at configuration time
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The environment variable of a config key. */
    static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String key) {
        return config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static long number(Function<String, Optional<String>> config, String key, long dflt, long min,
                               long max) {
        Optional<String> text = value(config, key);
        if (text.isEmpty()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.get());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new LedgerConfigException(key + " (" + env(key) + "): expected a whole number from " + min + " to "
                + max + ", got '" + text.get() + "'");
    }

    @Override
    public String toString() {
        long withCredentials = authorizations.stream().filter(a -> a != null).count();
        return "NodeTransport[timeout=" + timeout + ", callTimeout=" + callTimeout + ", maxResponseBytes="
                + limits.maxBytes() + ", trust=" + (trust == null ? "JDK default CAs" : trust.description())
                + ", endpoints with credentials=" + withCredentials + " (values not shown)]";
    }
}
