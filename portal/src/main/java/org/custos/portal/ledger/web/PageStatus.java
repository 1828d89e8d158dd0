package org.custos.portal.ledger.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The HTTP status of a page that renders its own answer (docs/decisions.md D20): 400 when a view parameter is
 * missing or malformed (the page shows the parameter's message), 404 when the thing asked for is not there or not
 * the caller's to see (the same status and the same words for both). Pages call {@link #badRequestIfInvalid} as a
 * preRenderView listener, which runs also when a view parameter failed and the view action was skipped; backing
 * beans call {@link #notFound} from their view action.
 */
@Named("pageStatus")
@ApplicationScoped
public class PageStatus {

    /** preRenderView: 400 when a view parameter failed conversion or validation. */
    public void badRequestIfInvalid() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.isValidationFailed() && !faces.isPostback()) {
            set(faces, 400);
        }
    }

    /** 404 for the page being rendered; the page itself says what was not found. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            set(faces, 404);
        }
    }

    private static void set(FacesContext faces, int status) {
        ExternalContext external = faces.getExternalContext();
        if (!external.isResponseCommitted()) {
            external.setResponseStatus(status);
        }
    }
}
