package org.custos.portal.compliance.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custos.portal.compliance.application.ComplianceService;
import org.custos.portal.compliance.application.FindingRefusedException;
import org.custos.portal.compliance.domain.FindingEvent;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.security.CurrentUser;

/**
 * The finding page ({@code /compliance/finding.xhtml?key=…}): the finding, its rule as the catalogue states it,
 * its objects and proof path, its history (status changes and responses), for regulators a status change and for
 * the compliance officers of its clinic a response. The service returns another clinic's finding to an officer or
 * DPO as absent: the page then says "not found" with HTTP 404, as for a key that does not exist. Every refusal of
 * the server (no-op, missing reason, text over its limit, a finding out of scope) is shown beside the button that
 * caused it; nothing is stored then.
 */
@Named
@ViewScoped
public class FindingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ComplianceService compliance;

    @Inject
    transient RuleCatalogue catalogue;

    @Inject
    transient CurrentUser currentUser;

    private String key;
    private boolean loaded;
    private StoredFinding finding;
    private RuleCatalogue.Entry rule;
    private transient List<ProofPath.Step> steps;
    private transient List<FindingEvent> history;
    private Map<String, String> objects;
    private FindingStatus newStatus;
    private String reason;
    private String note;
    private String reference;

    /** The page's view action. */
    public void load() {
        loaded = true;
        finding = key == null || key.isBlank() ? null : compliance.finding(key).orElse(null);
        if (finding == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return;
        }
        rule = catalogue.get(finding.getRuleId());
        objects = ProofPath.objects(finding.getObjectsJson());
        newStatus = finding.getStatus();
        reason = finding.getStatusReason();
    }

    /** Regulators: change the status (ACCEPTED needs a reason, a no-op is refused); the service keeps the limits. */
    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            finding = compliance.changeStatus(key, newStatus, reason);
            history = null;
            faces.addMessage("findingForm:save", new FacesMessage(FacesMessage.SEVERITY_INFO, "Status changed to "
                    + finding.getStatus() + "; the change is in the history below and on the audit trail.", null));
        } catch (RuntimeException e) {
            refused(faces, "findingForm:save", e);
        }
    }

    /** Compliance officers of the finding's clinic: a response or remediation note, with an optional reference. */
    public void respond() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            compliance.respond(key, note, reference);
            note = null;
            reference = null;
            history = null;
            faces.addMessage("responseForm:respond", new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Response added; it is in the history below and on the audit trail.", null));
        } catch (RuntimeException e) {
            refused(faces, "responseForm:respond", e);
        }
    }

    /** A refusal of the server beside {@code clientId}; anything else is not a refusal and goes on. */
    private static void refused(FacesContext faces, String clientId, RuntimeException e) {
        String message = refusal(e);
        if (message == null) {
            throw e;
        }
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** The words of a refusal (the service's own, or its parameter constraints'), null if {@code e} is none. */
    static String refusal(Throwable e) {
        Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof FindingRefusedException refused) {
            return refused.getMessage();
        }
        if (t instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted()
                    .collect(Collectors.joining(" "));
        }
        if (t instanceof IllegalArgumentException refused) {
            return refused.getMessage();
        }
        return null;
    }

    public FindingStatus[] getStatuses() {
        return FindingStatus.values();
    }

    /** Whether the caller may respond: a compliance officer (the service checks the finding's clinic). */
    public boolean isResponder() {
        return finding != null && currentUser.isComplianceOfficer();
    }

    /** Status changes and responses, oldest first. */
    public List<FindingEvent> getHistory() {
        if (history == null && finding != null) {
            history = compliance.history(finding.getKey());
        }
        return history == null ? List.of() : history;
    }

    /** The history's size in words: "1 entry", "3 entries". */
    public String getHistoryCount() {
        int n = getHistory().size();
        return n + (n == 1 ? " entry" : " entries");
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public StoredFinding getFinding() {
        return finding;
    }

    public RuleCatalogue.Entry getRule() {
        return rule;
    }

    /** The proof path, read from the finding's stored evidence (kept out of the view state). */
    public List<ProofPath.Step> getSteps() {
        if (steps == null && finding != null) {
            steps = ProofPath.steps(finding.getEvidenceJson());
        }
        return steps;
    }

    public List<Map.Entry<String, String>> getObjects() {
        return objects == null ? List.of() : List.copyOf(objects.entrySet());
    }

    public FindingStatus getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(FindingStatus newStatus) {
        this.newStatus = newStatus;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
