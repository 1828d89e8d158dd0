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
 * {@code HttpOnly}, which this checks (a web.xml edit that drops it fails the deployment instead of weakening the
 * cookie); {@code SameSite=Lax} comes from payara-web.xml, because Payara 6 writes SameSite on the session cookie
 * from there only. The standard {@code SameSite} attribute is set here as well, for a container that honours it.
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

    /** Sets {@code Secure} when configured and the standard SameSite attribute; fails when not HttpOnly. */
    static void apply(SessionSettings settings, SessionCookieConfig cookie) {
        if (!cookie.isHttpOnly()) {
            throw new IllegalStateException("web.xml: the session cookie must be http-only");
        }
        cookie.setAttribute(SAME_SITE, LAX);
        if (settings.secureCookies()) {
            cookie.setSecure(true);
        }
    }
}
