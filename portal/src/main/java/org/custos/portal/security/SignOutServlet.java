package org.custos.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * Sign-out ({@code POST /sign-out}, any signed-in user, with the session's anti-forgery token): records it in the
 * trail, ends the portal session, then sends the browser to Keycloak's end-session endpoint (RP-initiated logout
 * with the identity token as hint) so that the Keycloak session ends too; Keycloak sends the browser back to
 * the signed-out page. A servlet rather than a Faces action, because the button also sits on error pages, which
 * are public and so would not see the signed-in user on a postback.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient OidcConfig oidcConfig;

    @Inject
    transient TrailService trail;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpSession session = req.getSession(false);
        if (session == null || !SignOutToken.matches(session, req.getParameter(SignOutToken.PARAMETER))) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<String> idToken = currentUser.identityToken();
        Optional<String> endSession = currentUser.endSessionEndpoint();
        SignedInUser user = (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        if (user == null && currentUser.isSignedIn()) {
            user = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                    currentUser.getClinicId());
        }
        if (user != null) {
            trail.record(user, TrailAction.SIGN_OUT, "session", null, "signed out");
        }
        session.setAttribute(SignedInUser.SIGNED_OUT_ATTRIBUTE, Boolean.TRUE);
        // The OpenID mechanism keeps the authentication and the tokens in the HTTP session: ending the session
        // ends the portal sign-in. (HttpServletRequest.logout() is not used: the mechanism's logout commits a
        // response of its own, after which the redirect to Keycloak below could not be sent.)
        session.invalidate();
        res.sendRedirect(signOutRedirect(req, oidcConfig.getClientId(), endSession, idToken));
    }

    /**
     * Where the browser goes once the portal session has ended: Keycloak's end-session endpoint (RP-initiated
     * logout, with the identity token as hint, so Keycloak does not ask) and back to the signed-out page; the
     * signed-out page itself when the provider names no end-session endpoint.
     */
    static String signOutRedirect(HttpServletRequest req, String clientId, Optional<String> endSession,
            Optional<String> idToken) {
        String back = baseUrl(req) + "/signed-out.xhtml";
        if (endSession.isEmpty()) {
            return back;
        }
        StringBuilder url = new StringBuilder(endSession.get())
                .append("?client_id=").append(encode(clientId))
                .append("&post_logout_redirect_uri=").append(encode(back));
        idToken.ifPresent(t -> url.append("&id_token_hint=").append(encode(t)));
        return url.toString();
    }

    private static String baseUrl(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.indexOf(req.getRequestURI())) + req.getContextPath();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
