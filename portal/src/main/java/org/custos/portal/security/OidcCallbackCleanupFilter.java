package org.custos.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * After sign-in the OpenID mechanism replays the original request with the provider's {@code code} and
 * {@code state} parameters; a Faces page rendered from that replayed request fails (null parameter map).
 * This filter answers such an authenticated request with a redirect to the same path without the query,
 * which also removes the code from the browser's address bar and history.
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
            res.sendRedirect(res.encodeRedirectURL(path));
            return;
        }
        chain.doFilter(req, res);
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
