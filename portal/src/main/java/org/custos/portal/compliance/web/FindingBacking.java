package org.custos.portal.compliance.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.application.ComplianceService;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.StoredFinding;

/**
 * The finding page ({@code /compliance/finding.xhtml?key=…}): the finding, its rule as the catalogue states it,
 * its objects and proof path, and for regulators a status change. The service returns another clinic's finding
 * to an officer or DPO as absent: the page then says "not found", as for a key that does not exist.
 */
@Named
@ViewScoped
public class FindingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ComplianceService compliance;

    @Inject
    transient RuleCatalogue catalogue;

    private String key;
    private boolean loaded;
    private StoredFinding finding;
    private RuleCatalogue.Entry rule;
    private transient List<ProofPath.Step> steps;
    private Map<String, String> objects;
    private FindingStatus newStatus;
    private String reason;

    /** The page's view action. */
    public void load() {
        loaded = true;
        if (key == null || key.isBlank()) {
            return;
        }
        finding = compliance.finding(key).orElse(null);
        if (finding != null) {
            rule = catalogue.get(finding.getRuleId());
            objects = ProofPath.objects(finding.getObjectsJson());
            newStatus = finding.getStatus();
            reason = finding.getStatusReason();
        }
    }

    /** Regulators: change the status (ACCEPTED needs a reason); the service writes it to the trail. */
    public void save() {
        if (newStatus == FindingStatus.ACCEPTED && (reason == null || reason.isBlank())) {
            FacesContext.getCurrentInstance().addMessage("findingForm:reason", new FacesMessage(
                    FacesMessage.SEVERITY_ERROR, "Accepting a finding needs a reason.", null));
            return;
        }
        finding = compliance.changeStatus(key, newStatus, reason);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Status changed to " + finding.getStatus() + "; the change is on the audit trail.", null));
    }

    public FindingStatus[] getStatuses() {
        return FindingStatus.values();
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
}
