package org.custos.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A new session id at sign-in, once per session: the OpenID mechanism keeps its state, nonce and the page first
 * asked for in the HTTP session while the user signs in on Keycloak, so a session (and its id, in the browser's
 * cookie) exists before sign-in; whoever knew or planted that id must not find it signed in afterwards. The id is
 * changed, not the session replaced ({@link HttpServletRequest#changeSessionId()}): the mechanism's tokens and
 * the page asked for stay in it. Called on the first authenticated request of a session, by
 * {@link OidcCallbackCleanupFilter} (the request that completed the sign-in) and {@link SignInRecordingFilter}.
 */
final class SessionRenewal {

    /** Set once the id of a signed-in session has been changed. */
    static final String RENEWED = "custos.sessionRenewed";

    private SessionRenewal() {
    }

    /** Changes the session id of {@code request}'s authenticated session unless it was changed already. */
    static void renewOnce(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        synchronized (session) {
            if (session.getAttribute(RENEWED) == null) {
                request.changeSessionId();
                session.setAttribute(RENEWED, Boolean.TRUE);
            }
        }
    }
}
