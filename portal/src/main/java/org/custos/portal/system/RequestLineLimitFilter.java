package org.custos.portal.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers an address longer than {@link #MAX_TARGET} characters (path and query) with 414 and the portal's page
 * (web.xml maps 414 to /error/414.xhtml), instead of handling it. Longer addresses than the HTTP listener's buffer
 * (64 KiB, src/main/payara/pre-boot-commands.asadmin) never reach the portal: the listener refuses them with a bare
 * 400 (docs/operations.md).
 */
public class RequestLineLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The longest request target (path, '?' and query) the portal handles, in characters. */
    public static final int MAX_TARGET = 8192;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (tooLong(request.getRequestURI(), request.getQueryString())) {
            response.sendError(414);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean tooLong(String uri, String query) {
        long length = (uri == null ? 0 : uri.length()) + (query == null ? 0 : 1 + query.length());
        return length > MAX_TARGET;
    }
}
