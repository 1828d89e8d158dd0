package org.custos.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * The portal's side of a signed-in session, on every request of an authenticated user:
 * <ul>
 * <li>the first time a user reaches the portal in an HTTP session: a new session id (the id the browser held
 * before sign-in, when the OpenID mechanism kept its state in the session, no longer names a signed-in session:
 * no fixation; see {@link SessionRenewal}), the sign-in time, and a {@code SIGN_IN} entry in the trail, whatever
 * the user's roles (a user without a portal role is recorded too, then refused with 403);</li>
 * <li>after that: the absolute timeout ({@link SessionSettings}). A session older than it ends (recorded as
 * {@code SESSION_ENDED}); a page request goes through Keycloak's end-session endpoint to the signed-out page, so
 * that signing in again asks for the password; a Faces ajax request gets the "session ended" answer
 * ({@link SessionEndedResponse}).</li>
 * </ul>
 */
public class SignInRecordingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** When this session signed in (an {@link Instant}). */
    static final String SIGNED_IN_AT = "custos.signedInAt";

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient TrailService trail;

    @Inject
    transient OidcConfig oidcConfig;

    @Inject
    transient Clock clock;

    transient SessionSettings settings;

    @Override
    public void init() throws ServletException {
        Object configured = getServletContext().getAttribute(SessionCookieSetup.ATTRIBUTE);
        settings = configured instanceof SessionSettings s ? s : SessionSettings.fromConfig();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getUserPrincipal() != null) {
            HttpSession session = req.getSession(true);
            Instant now = clock.instant();
            if (session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) == null) {
                SessionRenewal.renewOnce(req);
                session.setAttribute(SIGNED_IN_AT, now);
                SignedInUser user = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                        currentUser.getClinicId());
                trail.record(user, TrailAction.SIGN_IN, "session", null, "signed in through OpenID Connect");
                session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
            } else if (req.getDispatcherType() == DispatcherType.REQUEST
                    && settings.ended(signedInAt(session), now)) {
                end(req, res, session);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static Instant signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : null;
    }

    /** Ends a session past its absolute timeout; nothing of the request is processed. */
    private void end(HttpServletRequest req, HttpServletResponse res, HttpSession session) throws IOException {
        Optional<String> idToken = currentUser.identityToken();
        Optional<String> endSession = currentUser.endSessionEndpoint();
        session.invalidate();
        if (SessionEndedResponse.isFacesAjax(req)) {
            SessionEndedResponse.write(res);
            return;
        }
        res.sendRedirect(SignOutServlet.signOutRedirect(req, oidcConfig.getClientId(), endSession, idToken));
    }
}
