package org.custos.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * After sign-in the OpenID mechanism replays the original request with the provider's {@code code} and
 * {@code state} parameters; a Faces page rendered from that replayed request fails (null parameter map).
 * This filter answers such an authenticated request with a redirect to the same path without the code and state,
 * which also removes the code from the browser's address bar and history, and with the query the user first asked
 * for (a deep link such as {@code finding.xhtml?key=...} opened while signed out keeps its key).
 */
public class OidcCallbackCleanupFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        // the replayed request's parameter map is null: read the raw query string, never getParameter()
        if (req.getUserPrincipal() != null && "GET".equals(req.getMethod()) && isCallbackQuery(req.getQueryString())) {
            String path = req.getRequestURI();
            if (path.endsWith("/Callback")) {
                path = req.getContextPath() + "/";
            }
            HttpSession session = req.getSession(false);
            String query = originalQuery(session == null ? null : session.getAttribute(ORIGINAL_REQUEST), path);
            SessionRenewal.renewOnce(req); // the request that completed the sign-in: a new session id
            res.sendRedirect(res.encodeRedirectURL(query == null ? path : path + "?" + query));
            return;
        }
        chain.doFilter(req, res);
    }

    /**
     * Where the OpenID mechanism (Soteria, in Payara) keeps the URL first asked for, query included, while the user
     * signs in; it sends the browser back to that URL's path only, with the provider's code and state as the query.
     * An implementation detail: when it is absent or not a string, the deep link's query is simply lost, as before.
     */
    static final String ORIGINAL_REQUEST = "oidc.original.request";

    /**
     * The query of the originally requested URL, if that URL is this very {@code path} (the path is never taken
     * from the stored value, so this cannot redirect elsewhere) and its query is not itself a callback; else null.
     */
    static String originalQuery(Object stored, String path) {
        if (!(stored instanceof String url)) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0 || q == url.length() - 1 || url.indexOf('#') >= 0) {
            return null;
        }
        String before = url.substring(0, q);
        String query = url.substring(q + 1);
        int scheme = before.indexOf("://");
        int slash = scheme < 0 ? -1 : before.indexOf('/', scheme + 3);
        String storedPath = slash < 0 ? null : before.substring(slash);
        if (!path.equals(storedPath) || isCallbackQuery(query) || query.length() > 2048
                || query.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return null;
        }
        return query;
    }

    static boolean isCallbackQuery(String query) {
        if (query == null) {
            return false;
        }
        boolean code = false;
        boolean state = false;
        for (String pair : query.split("&")) {
            code |= pair.startsWith("code=");
            state |= pair.startsWith("state=");
        }
        return code && state;
    }
}
