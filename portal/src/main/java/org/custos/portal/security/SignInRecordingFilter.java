package org.custos.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * Records a sign-in in the trail the first time an authenticated user reaches the portal in an HTTP session,
 * whatever their roles (a user without a portal role is recorded too, then refused with 403).
 */
public class SignInRecordingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient TrailService trail;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getUserPrincipal() != null) {
            HttpSession session = req.getSession(true);
            if (session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) == null) {
                SignedInUser user = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                        currentUser.getClinicId());
                trail.record(user, TrailAction.SIGN_IN, "session", null, "signed in through OpenID Connect");
                session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
            }
        }
        chain.doFilter(req, res);
    }
}
