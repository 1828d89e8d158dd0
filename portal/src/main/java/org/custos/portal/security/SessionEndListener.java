package org.custos.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/** Records in the trail a signed-in session that ended without a sign-out (time-out, server stop). */
@WebListener
public class SessionEndListener implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(SessionEndListener.class.getName());

    @Inject
    TrailService trail;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object user = event.getSession().getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        Object signedOut = event.getSession().getAttribute(SignedInUser.SIGNED_OUT_ATTRIBUTE);
        if (user instanceof SignedInUser signedIn && signedOut == null) {
            try {
                trail.record(signedIn, TrailAction.SESSION_ENDED, "session", null, "session expired or closed");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record the end of a session in the trail", e);
            }
        }
    }
}
