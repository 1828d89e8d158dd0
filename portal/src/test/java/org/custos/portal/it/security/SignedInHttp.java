package org.custos.portal.it.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.custos.portal.it.PortalBrowser;

/**
 * One portal session over plain HTTP: signed in through the real Keycloak form in Chromium, whose portal cookies
 * are then sent by {@link HttpClient} (redirects not followed, so that every answer is seen as it was sent). The
 * cookies the portal sets later (a new session id) are kept. An anonymous client has no cookies.
 */
final class SignedInHttp {

    /** One answer as it came: what was asked, status, headers (names lower-cased) and body as text. */
    record Answer(String who, String method, String url, int status, Map<String, List<String>> headers,
                  String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        boolean html() {
            String type = header("content-type");
            return type != null && type.startsWith("text/html");
        }

        /** A redirect to Keycloak's sign-in (the container's OIDC mechanism). */
        boolean toSignIn() {
            String location = header("location");
            return status / 100 == 3 && location != null && location.contains("/protocol/openid-connect/auth");
        }

        @Override
        public String toString() {
            return who + " " + method + " " + url + " -> " + status;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();

    final String who;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    private SignedInHttp(String who) {
        this.who = who;
    }

    static SignedInHttp anonymous() {
        return new SignedInHttp("anonymous");
    }

    /**
     * Signs {@code user} in on {@code page} in Chromium, lets {@code inBrowser} act in that session (e.g. upload a
     * bundle), then keeps the session's portal cookies; the browser closes.
     */
    static SignedInHttp signIn(String user, String page, Consumer<PortalBrowser> inBrowser) {
        SignedInHttp http = new SignedInHttp(user);
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn(user, page);
            inBrowser.accept(b);
            b.driver.manage().getCookies().stream()
                    .filter(c -> c.getPath() == null || "/".equals(c.getPath()) || c.getPath().startsWith("/custos"))
                    .forEach(c -> http.cookies.put(c.getName(), c.getValue()));
        }
        if (!http.cookies.containsKey("JSESSIONID")) {
            throw new IllegalStateException("no session cookie after the sign-in of " + user);
        }
        return http;
    }

    /** The session's cookie header, for a test that wants to send it elsewhere. */
    String cookieHeader() {
        return new TreeMap<>(cookies).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** GET {@code url} (absolute, or relative to the portal). */
    Answer get(String url) {
        return send("GET", url, HttpRequest.newBuilder(uri(url)).GET(), Map.of());
    }

    /** POST of a form, {@code application/x-www-form-urlencoded}. */
    Answer post(String url, String formBody, Map<String, String> extraHeaders) {
        return send("POST", url, HttpRequest.newBuilder(uri(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)), extraHeaders);
    }

    /** POST of a body with its own content type (multipart). */
    Answer post(String url, String contentType, byte[] body, Map<String, String> extraHeaders) {
        return send("POST", url, HttpRequest.newBuilder(uri(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), extraHeaders);
    }

    private Answer send(String method, String url, HttpRequest.Builder request, Map<String, String> extra) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        extra.forEach(request::header);
        try {
            HttpResponse<byte[]> r = HTTP.send(request.timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            for (String set : headers.getOrDefault("set-cookie", List.of())) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0 && !set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return new Answer(who, method, r.uri().toString(), r.statusCode(), headers,
                    new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + url + " as " + who, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI uri(String url) {
        return URI.create(url.startsWith("http") ? url : PortalBrowser.BASE + url);
    }
}
