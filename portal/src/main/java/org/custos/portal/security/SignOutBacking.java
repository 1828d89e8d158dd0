package org.custos.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * Sign-out: records it in the trail, ends the portal session, then sends the browser to Keycloak's
 * end-session endpoint (RP-initiated logout with the identity token as hint) so that the Keycloak session ends
 * too; Keycloak sends the browser back to the signed-out page.
 */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    OidcConfig oidcConfig;

    @Inject
    TrailService trail;

    public void signOut() throws IOException, ServletException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest req = (HttpServletRequest) ec.getRequest();
        Optional<String> idToken = currentUser.identityToken();
        Optional<String> endSession = currentUser.endSessionEndpoint();
        HttpSession session = req.getSession(false);
        if (currentUser.isSignedIn()) {
            SignedInUser user = session == null ? null
                    : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
            if (user == null) {
                user = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                        currentUser.getClinicId());
            }
            trail.record(user, TrailAction.SIGN_OUT, "session", null, "signed out");
        }
        if (session != null) {
            session.setAttribute(SignedInUser.SIGNED_OUT_ATTRIBUTE, Boolean.TRUE);
        }
        req.logout();
        ec.invalidateSession();
        String back = baseUrl(req) + "/signed-out.xhtml";
        if (endSession.isPresent()) {
            StringBuilder url = new StringBuilder(endSession.get())
                    .append("?client_id=").append(encode(oidcConfig.getClientId()))
                    .append("&post_logout_redirect_uri=").append(encode(back));
            idToken.ifPresent(t -> url.append("&id_token_hint=").append(encode(t)));
            ec.redirect(url.toString());
        } else {
            ec.redirect(back);
        }
    }

    private static String baseUrl(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        int pathStart = url.indexOf(req.getRequestURI());
        return url.substring(0, pathStart) + req.getContextPath();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
