package org.custos.portal.compliance.export;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in HTTP client of the portal for the export ITs: signs in through the real Keycloak login form
 * (authorization code flow, as a browser would: redirects followed by hand, the form posted), then keeps the
 * portal session cookie. Cookies are kept by name only (the portal and Keycloak both run on localhost; the JDK's
 * cookie manager files localhost cookies under "localhost.local" and then never sends them).
 */
public final class PortalHttp {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** An answer: status, content type and body as UTF-8 text. */
    public record Answer(int status, String contentType, String body) {
    }

    private final String base;
    private final Jar cookies = new Jar();
    private final HttpClient http;

    /** Signs {@code user} in; {@code base} is the portal's URL ending in its context path and a slash. */
    public PortalHttp(String base, String user, String password) throws IOException, InterruptedException {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = follow(HttpRequest.newBuilder(URI.create(base + "compliance/export/findings.csv")));
        Matcher form = LOGIN_FORM.matcher(r.body());
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form: " + r.statusCode() + " " + r.uri());
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&credentialId=";
        HttpResponse<String> after = follow(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (!after.uri().toString().startsWith(base)) {
            throw new IllegalStateException("sign-in of " + user + " did not return to the portal: " + after.uri());
        }
    }

    /** GET {@code path} (relative to the portal) with the session; redirects followed. */
    public Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = follow(HttpRequest.newBuilder(URI.create(base + path)));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> follow(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            r = http.send(HttpRequest.newBuilder(next).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return r;
    }

    private static final class Jar extends CookieHandler {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (values.isEmpty()) {
                return Map.of();
            }
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            return Map.of("Cookie", List.of(b.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, list) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String v : list) {
                        String pair = v.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String key = pair.substring(0, eq).trim();
                        String value = pair.substring(eq + 1).trim();
                        if (value.isEmpty() || v.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                            values.remove(key);
                        } else {
                            values.put(key, value);
                        }
                    }
                }
            });
        }
    }
}
