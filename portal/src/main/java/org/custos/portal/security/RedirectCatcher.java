package org.custos.portal.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that records a redirect instead of sending it, so that {@link SessionMechanismDecorator} can answer a
 * Faces ajax request in words where the OpenID mechanism would redirect it to the provider's sign-in page.
 * Everything else (headers, cookies, status) goes to the real response.
 */
final class RedirectCatcher extends HttpServletResponseWrapper {

    private String location;

    RedirectCatcher(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendRedirect(String location) {
        this.location = location;
    }

    /** Where the mechanism tried to send the browser; null when it did not redirect. */
    String location() {
        return location;
    }
}
