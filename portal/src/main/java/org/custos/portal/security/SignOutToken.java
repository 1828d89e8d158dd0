package org.custos.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The per-session anti-forgery token of the sign-out form, so that another site cannot sign a user out (or
 * write SIGN_OUT entries into the trail) with a forged POST.
 */
@Named("signOutToken")
@RequestScoped
public class SignOutToken {

    static final String PARAMETER = "signOutToken";
    private static final String ATTRIBUTE = "custos.signOutToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServletRequest request;

    /** The token of the current session, created on first use. */
    public String getValue() {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            String token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }

    static boolean matches(HttpSession session, String submitted) {
        String expected = (String) session.getAttribute(ATTRIBUTE);
        return expected != null && submitted != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        submitted.getBytes(StandardCharsets.UTF_8));
    }
}
