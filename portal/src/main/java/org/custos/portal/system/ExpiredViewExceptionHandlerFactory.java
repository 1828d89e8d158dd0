package org.custos.portal.system;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import org.primefaces.csp.CspException;

/**
 * A plain (non-ajax) postback whose view cannot be restored, because its {@code jakarta.faces.ViewState} expired
 * with the session or was never this session's (a forged post, another session's token, a made-up one), gets the
 * expired page with HTTP 400 instead of the container's 500 for an exception (web.xml maps the exception to the
 * same page). Nothing of the post is applied either way: restoring the view is the first phase. Ajax postbacks
 * keep Faces' own partial-response error. Registered in faces-config.xml; found by TenantCrawlerIT's anti-forgery
 * replays.
 */
public class ExpiredViewExceptionHandlerFactory extends ExceptionHandlerFactory {

    static final String EXPIRED_VIEW = "/error/expired.xhtml";
    static final String REFUSED = "This form has expired or was not sent from this session's page. Nothing was changed."
            + " Open the page again.\n";

    public ExpiredViewExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (faces != null && events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                if (missingNonce(thrown) && !faces.getExternalContext().isResponseCommitted()) {
                    // a forged post whose expired page cannot be rendered either: PrimeFaces refuses to write
                    // scripts without the post's CSP nonce, so the answer is plain text, written here
                    events.remove();
                    refuse(faces);
                    continue;
                }
                if (expired(thrown)
                        && !faces.getPartialViewContext().isAjaxRequest()
                        && !faces.getExternalContext().isResponseCommitted()) {
                    events.remove();
                    faces.getExternalContext().setResponseStatus(400);
                    UIViewRoot view = faces.getApplication().getViewHandler().createView(faces, EXPIRED_VIEW);
                    faces.setViewRoot(view);
                    faces.renderResponse();
                }
            }
            getWrapped().handle();
        }

        /** HTTP 400 in plain words; nothing of the post was applied (its view was never restored). */
        static void refuse(FacesContext faces) {
            ExternalContext out = faces.getExternalContext();
            try {
                out.responseReset();
                out.setResponseStatus(400);
                out.setResponseContentType("text/plain;charset=UTF-8");
                out.getResponseOutputWriter().write(REFUSED);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            faces.responseComplete();
        }

        /** PrimeFaces found no CSP nonce state for a post: the post was not sent from this session's page. */
        static boolean missingNonce(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof CspException) {
                    return true;
                }
            }
            return false;
        }

        static boolean expired(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
