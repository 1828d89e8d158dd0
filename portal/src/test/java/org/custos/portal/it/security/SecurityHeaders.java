package org.custos.portal.it.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The headers every answer of the portal must carry (/work/SECURITY-CONTRACT.md, issue 17 item 1), checked on one
 * recorded answer: the problems found, empty when none.
 */
final class SecurityHeaders {

    private static final Pattern PRODUCT = Pattern.compile("(?i)payara|glassfish|grizzly|mojarra|\\d+\\.\\d+(\\.\\d+)?-SNAPSHOT");

    private SecurityHeaders() {
    }

    static List<String> problems(SignedInHttp.Answer a) {
        List<String> p = new ArrayList<>();
        String page = Isolation.page(Crawl.relative(a.url()));
        List<String> csps = a.all("content-security-policy");
        if (csps.size() != 1) {
            p.add(csps.size() + " Content-Security-Policy headers (exactly one expected)");
        } else {
            String csp = csps.get(0);
            for (String must : List.of("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                    "base-uri 'self'", "form-action ")) {
                if (!csp.contains(must)) {
                    p.add("CSP without " + must.strip());
                }
            }
            String script = directive(csp, "script-src");
            if (script == null) {
                script = directive(csp, "default-src");
            }
            if (script != null && (script.contains("'unsafe-inline'") || script.contains("'unsafe-eval'"))) {
                p.add("CSP script-src allows unsafe-inline or unsafe-eval: " + script);
            }
        }
        expect(p, a, "x-frame-options", "DENY");
        expect(p, a, "x-content-type-options", "nosniff");
        String referrer = a.header("referrer-policy");
        if (!"same-origin".equals(referrer) && !"no-referrer".equals(referrer)) {
            p.add("Referrer-Policy " + referrer);
        }
        String permissions = a.header("permissions-policy");
        if (permissions == null || !permissions.contains("camera=()") || !permissions.contains("microphone=()")
                || !permissions.contains("geolocation=()")) {
            p.add("Permissions-Policy " + permissions);
        }
        expect(p, a, "cross-origin-opener-policy", "same-origin");
        if (a.header("strict-transport-security") != null) {
            p.add("HSTS over plain HTTP");
        }
        String server = a.header("server");
        if (server != null && (PRODUCT.matcher(server).find() || server.matches(".*\\d.*"))) {
            p.add("Server header " + server);
        }
        if (a.header("x-powered-by") != null) {
            p.add("X-Powered-By " + a.header("x-powered-by"));
        }
        boolean resource = page.startsWith("jakarta.faces.resource/") || page.startsWith("resources/");
        if (!"anonymous".equals(a.who()) && !resource && (a.header("cache-control") == null
                || !a.header("cache-control").contains("no-store"))) {
            p.add("Cache-Control " + a.header("cache-control") + " on an authenticated answer");
        }
        if (a.status() >= 400 && PRODUCT.matcher(a.body()).find()) {
            p.add("an error page names the product or version");
        }
        String expected = downloadType(page);
        if (expected != null && a.status() == 200) {
            String disposition = a.header("content-disposition");
            if (disposition == null || !disposition.startsWith("attachment") || !disposition.contains("filename=")) {
                p.add("download without Content-Disposition attachment: " + disposition);
            }
            String type = a.header("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(expected)) {
                p.add("download Content-Type " + type + " (" + expected + " expected)");
            }
        }
        return p;
    }

    /** The content type a download path must answer with, null when the path is no download. */
    static String downloadType(String page) {
        if (page.endsWith(".csv")) {
            return "text/csv";
        }
        if (page.endsWith(".fhir.json")) {
            return "application/fhir+json";
        }
        if (page.equals("reports/download")) {
            return "application/pdf";
        }
        if (page.equals("reports/trust-anchor.pem")) {
            return "application/x-pem-file";
        }
        return null;
    }

    private static void expect(List<String> p, SignedInHttp.Answer a, String name, String value) {
        String v = a.header(name);
        if (v == null || !v.equalsIgnoreCase(value)) {
            p.add(name + " " + v + " (" + value + " expected)");
        }
    }

    private static String directive(String csp, String name) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " "))
                .findFirst().orElse(null);
    }
}
