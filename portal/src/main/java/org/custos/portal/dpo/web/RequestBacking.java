package org.custos.portal.dpo.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custos.portal.dpo.application.RequestCase;
import org.custos.portal.dpo.application.RequestCaseService;
import org.custos.portal.dpo.domain.CaseEvent;
import org.custos.portal.security.CurrentUser;

/**
 * One request's page ({@code /dpo/request.xhtml?id=…[&clinic=…]}): the timeline with its proofs, the erasure
 * verdict, the receipts, the related findings and the case history; DPOs record reviews and close or reopen the
 * case. A request the caller may not see is "not found" (HTTP 404), like one that does not exist.
 */
@Named
@ViewScoped
public class RequestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestCaseService service;

    @Inject
    transient CurrentUser currentUser;

    private String id;
    private String clinic;
    private boolean loaded;
    private RequestCase request;
    private String note;

    /** The page's view action. */
    public void load() {
        loaded = true;
        request = service.request(id, clinic).orElse(null);
        if (request == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public void review() {
        act(CaseEvent.Action.REVIEWED, "Review recorded");
    }

    public void close() {
        act(CaseEvent.Action.CLOSED, "Case closed");
    }

    public void reopen() {
        act(CaseEvent.Action.REOPENED, "Case reopened");
    }

    private void act(CaseEvent.Action action, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            service.record(request.requestId(), action, note);
            note = null;
            request = service.request(request.requestId(), request.clinicId()).orElse(null);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done + "; it is on the audit trail.",
                    null));
        } catch (IllegalArgumentException e) {
            faces.addMessage("caseForm:note", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                faces.addMessage("caseForm:note", new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(),
                        null));
            } else {
                throw e;
            }
        }
    }

    /** Only a DPO handles the case; regulators and compliance officers read it. */
    public boolean isCaseHandler() {
        return currentUser.isDpo();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public RequestCase getRequest() {
        return request;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        this.clinic = clinic;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
