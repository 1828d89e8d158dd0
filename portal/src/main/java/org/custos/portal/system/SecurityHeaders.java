package org.custos.portal.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The security headers of every answer of the portal (docs/security.md, "Response headers and CSP"), as values:
 * which headers, with which text, for which request. Pure: {@link SecurityHeadersFilter} sets them, and PrimeFaces
 * reads {@link #contentSecurityPolicy()} (context-param {@code primefaces.CSP_POLICY}) for Faces pages, to which it
 * appends {@code 'nonce-…'}: so the policy ends with its {@code script-src} directive.
 */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    /** HSTS: one year, subdomains too (ASVS 14.4.5); sent only when the portal is served over TLS. */
    static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";

    /** Features the portal never uses, denied to it and to anything it could embed. Chromium knows every name. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    private static final String[] CACHEABLE_PREFIXES = {"/jakarta.faces.resource/", "/resources/"};

    private final String policy;
    private final boolean hsts;

    private SecurityHeaders(String policy, boolean hsts) {
        this.policy = policy;
        this.hsts = hsts;
    }

    /**
     * @param signInProvider the OpenID provider's issuer URI (Keycloak's realm); its origin may receive the
     *                       portal's form posts' redirects (sign-out goes there). Not a URI with a scheme and
     *                       host: only {@code 'self'} may.
     * @param hsts           the portal is served over TLS (configured): HSTS on every answer
     */
    public static SecurityHeaders of(String signInProvider, boolean hsts) {
        return new SecurityHeaders(policy(originOf(signInProvider)), hsts);
    }

    /**
     * The policy. {@code script-src 'self'} and nothing else: no inline script and no eval anywhere; Faces pages get
     * PrimeFaces' nonce added to it. Styles: {@code <style>} elements and sheets from the portal only; style
     * attributes allowed ({@code style-src-attr}), since PrimeFaces and the pages set them and an attribute cannot
     * run script. Images may be {@code data:} URIs (PrimeFaces' components.css uses some).
     */
    static String policy(Optional<String> signInOrigin) {
        return "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; "
                + "form-action 'self'" + signInOrigin.map(o -> " " + o).orElse("") + "; "
                + "img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; "
                + "script-src 'self'";
    }

    /**
     * {@code scheme://host[:port]} of {@code uri}, lower case, or empty when it has no http(s) scheme and host (a
     * value that could widen the policy, such as {@code *} or one with a {@code ;}, never reaches it).
     */
    static Optional<String> originOf(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(uri.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || u.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public String contentSecurityPolicy() {
        return policy;
    }

    /**
     * The headers for a request to {@code path} (within the portal, without the context path), in the order set.
     * The CSP here has no nonce: Faces pages replace it with PrimeFaces' one.
     */
    public Map<String, String> forRequest(String path, boolean secureRequest) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(CSP, policy);
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("Permissions-Policy", PERMISSIONS_POLICY);
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        if (hsts || secureRequest) {
            h.put("Strict-Transport-Security", HSTS_VALUE);
        }
        if (!cacheable(path)) {
            h.put("Cache-Control", "no-store");
        }
        return h;
    }

    /** The portal's scripts, style sheets and fonts: public and the same for everyone, so caches may keep them. */
    static boolean cacheable(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : CACHEABLE_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
