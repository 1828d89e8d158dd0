package org.custos.portal.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Applies {@link SessionSettings} when the portal starts: {@code Secure} on the session cookie when configured, and
 * the settings kept in the servlet context for {@link SignInRecordingFilter} (the absolute timeout). web.xml sets
 * {@code HttpOnly} and {@code SameSite=Lax}; this checks they are there, so that a web.xml edit that drops them
 * fails the deployment instead of weakening the cookie.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    /** The servlet context attribute that holds this deployment's {@link SessionSettings}. */
    static final String ATTRIBUTE = SessionSettings.class.getName();
    static final String SAME_SITE = "SameSite";
    static final String LAX = "Lax";

    private static final Logger LOG = Logger.getLogger(SessionCookieSetup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        SessionSettings settings = SessionSettings.fromConfig();
        apply(settings, context.getSessionCookieConfig());
        context.setAttribute(ATTRIBUTE, settings);
        LOG.info(() -> "session cookie: HttpOnly, SameSite=Lax" + (settings.secureCookies() ? ", Secure" : "")
                + "; absolute timeout " + settings.absoluteTimeout().toHours() + " h");
    }

    /** Sets {@code Secure} when configured; fails when the cookie is not HttpOnly or not SameSite=Lax. */
    static void apply(SessionSettings settings, SessionCookieConfig cookie) {
        if (!cookie.isHttpOnly()) {
            throw new IllegalStateException("web.xml: the session cookie must be http-only");
        }
        if (!LAX.equalsIgnoreCase(cookie.getAttribute(SAME_SITE))) {
            throw new IllegalStateException("web.xml: the session cookie must have SameSite=Lax, has "
                    + cookie.getAttribute(SAME_SITE));
        }
        if (settings.secureCookies()) {
            cookie.setSecure(true);
        }
    }
}
