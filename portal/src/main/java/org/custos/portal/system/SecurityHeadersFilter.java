package org.custos.portal.system;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;

/**
 * Sets the {@link SecurityHeaders} on every answer (pages, ajax, resources, downloads, the container's error
 * pages: mapped first, for REQUEST, FORWARD and ERROR dispatches) before the portal writes anything.
 *
 * <p>Exactly one Content-Security-Policy: this filter sets the policy without a nonce; on a Faces page PrimeFaces
 * then <em>adds</em> the same policy with its nonce ({@code primefaces.CSP}). The response is wrapped so that such
 * an added CSP header replaces the first one (a browser would enforce both, and the nonce-less one would block
 * PrimeFaces' scripts). A {@code reset()} by the portal (a failed download, Faces' error handling) sets the headers
 * again. On an ERROR dispatch a policy already set is kept: a Faces page that failed has put its nonce in it.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityHeadersSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Map<String, String> headers = settings.headers().forRequest(pathOf(request), request.isSecure());
        boolean keepPolicy = request.getDispatcherType() == DispatcherType.ERROR;
        apply(response, headers, keepPolicy);
        chain.doFilter(request, new OnePolicyResponse(response, headers));
    }

    /**
     * Sets the headers on an answer the portal gives before any filter runs: the sign-in mechanism's redirect to
     * Keycloak, its "session ended" answer to ajax ({@code SessionMechanismDecorator}).
     */
    public static void setOn(HttpServletRequest request, HttpServletResponse response, SecurityHeaders headers) {
        apply(response, headers.forRequest(pathOf(request), request.isSecure()), false);
    }

    /** The path within the portal as the container mapped it (decoded and normalised, so no "..;" tricks). */
    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }

    static void apply(HttpServletResponse response, Map<String, String> headers, boolean keepPolicy) {
        headers.forEach((name, value) -> {
            if (!(keepPolicy && SecurityHeaders.CSP.equals(name) && response.containsHeader(name))) {
                response.setHeader(name, value);
            }
        });
    }

    /** A response whose Content-Security-Policy is only ever replaced, never doubled, and survives a reset. */
    static final class OnePolicyResponse extends HttpServletResponseWrapper {

        private final Map<String, String> headers;

        OnePolicyResponse(HttpServletResponse response, Map<String, String> headers) {
            super(response);
            this.headers = headers;
        }

        @Override
        public void addHeader(String name, String value) {
            if (SecurityHeaders.CSP.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        /** A CSP is replaced by another, never removed (a null or blank one is ignored). */
        @Override
        public void setHeader(String name, String value) {
            if (!SecurityHeaders.CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else if (value != null && !value.isBlank()) {
                super.setHeader(SecurityHeaders.CSP, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            apply((HttpServletResponse) getResponse(), headers, false);
        }
    }
}
