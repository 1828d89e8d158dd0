package org.custos.verify.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.custos.verify.cli.JsonRpcClient.RpcException;

/**
 * POSTs JSON-RPC bodies with the JDK's {@link HttpClient} (HTTP/1.1, keep-alive; {@code http://} or
 * {@code https://}), under the limits of {@link RpcSettings}: a connect timeout, one deadline for the whole
 * exchange (connect, headers and every byte of the body: a node trickling a byte at a time is cut off when it
 * passes), an answer size limit ({@link BoundedBody}), no redirects, an optional pinned trust store and an
 * optional {@code Authorization} header (never written anywhere else). Every failure becomes an
 * {@link RpcException} with a one-line message naming the endpoint ({@code scheme://host:port}, never its path,
 * which may hold an API key).
 */
final class HttpTransport {

    private final URI url;
    private final String endpoint;
    private final RpcSettings settings;
    private final HttpClient http;

    HttpTransport(URI url, RpcSettings settings) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("the node URL must be http://host[:port][/path] or https://...");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the node URL must not carry credentials: put them in "
                    + RpcSettings.AUTHORIZATION_ENV);
        }
        this.url = url;
        this.endpoint = scheme + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        this.settings = settings;
        if (settings.authorization() != null && scheme.equals("http") && !loopback(url.getHost())) {
            throw new IllegalArgumentException("refusing to send " + RpcSettings.AUTHORIZATION_ENV
                    + " in clear text to " + endpoint + ": use https://");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        SSLContext tls = settings.sslContext();
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** One exchange, retried once on a broken connection if the deadline allows (every method is a read). */
    byte[] post(byte[] body) throws IOException {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        try {
            return exchange(body, deadline);
        } catch (RpcException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            if (deadline - System.nanoTime() <= 0) {
                throw failure(e);
            }
            try {
                return exchange(body, deadline);
            } catch (RpcException | InterruptedIOException again) {
                throw again;
            } catch (IOException again) {
                throw failure(again);
            }
        }
    }

    /** Throws {@link RpcException} for everything but a plain I/O failure worth one retry. */
    private byte[] exchange(byte[] body, long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofNanos(Math.max(remaining, 1)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.authorization() != null) {
            request.header("Authorization", settings.authorization());
        }
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(),
                BoundedBody.handler(settings.maxResponseBytes()));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw pastDeadline();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + endpoint);
        } catch (ExecutionException e) {
            throw retryableOrFinal(e.getCause());
        }
        if (response.statusCode() != 200) {
            throw status(response.statusCode(), response.body());
        }
        return response.body();
    }

    private IOException retryableOrFinal(Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BoundedBody.TooLargeException) {
            return new RpcException(cause.getMessage());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new RpcException("no connection to " + endpoint + " within "
                    + seconds(settings.connectTimeout()) + " (connect timeout)");
        }
        if (cause instanceof HttpTimeoutException) {
            return pastDeadline();
        }
        SSLException tls = find(cause, SSLException.class);
        if (tls != null) {
            return new RpcException("TLS with " + endpoint + " failed: " + OneLine.of(deepest(tls), 300)
                    + " (is the node's CA in --trust-store or " + RpcSettings.TRUST_STORE_ENV + "?)");
        }
        if (cause instanceof ConnectException) {
            return new RpcException("cannot connect to " + endpoint + ": "
                    + (cause.getMessage() == null ? "refused or unreachable" : describe(cause)));
        }
        if (cause instanceof IOException io) {
            return io;
        }
        // the HTTP stack met something it did not expect in the node's answer
        return new RpcException("malformed HTTP answer from " + endpoint + ": " + describe(cause));
    }

    private RpcException failure(IOException e) {
        return new RpcException("the node at " + endpoint + " gave no readable HTTP answer: " + describe(e));
    }

    private RpcException pastDeadline() {
        return new RpcException("no complete answer from " + endpoint + " within the deadline of "
                + seconds(settings.deadline()) + " (--timeout)");
    }

    private RpcException status(int code, byte[] excerpt) {
        String hint = switch (code) {
            case 401 -> "the node requires authentication: "
                    + (settings.authorization() == null ? "set " + RpcSettings.AUTHORIZATION_ENV
                    : "it refused the credentials of " + RpcSettings.AUTHORIZATION_ENV);
            case 403 -> "the node refused access" + (settings.authorization() == null ? "" : " with the credentials of "
                    + RpcSettings.AUTHORIZATION_ENV);
            default -> OneLine.of(new String(excerpt, StandardCharsets.UTF_8), 200);
        };
        return new RpcException("HTTP " + code + " from " + endpoint + (hint.isEmpty() ? "" : ": " + hint));
    }

    private static String describe(Throwable t) {
        String message = OneLine.of(t.getMessage(), 200);
        return message.isEmpty() ? t.getClass().getSimpleName() : message;
    }

    private static String deepest(Throwable t) {
        Throwable last = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                last = c;
            }
        }
        return describe(last);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
    }
}
