package org.custos.portal.compliance.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.custos.portal.compliance.application.ComplianceService;
import org.custos.portal.compliance.application.ComplianceService.Readiness;
import org.custos.portal.compliance.domain.ReadinessVerdict;
import org.custos.portal.ledger.application.ClinicNames;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.security.ClinicScope;

/**
 * The readiness page ({@code /compliance/readiness.xhtml}): a compliance officer's or DPO's own clinic (from the
 * token, on the server), or the clinic a regulator picks: open findings by severity and rule, the last bundle
 * verification, the last evaluation, deadlines still ahead, and the verdict.
 */
@Named
@ViewScoped
public class ReadinessBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ComplianceService compliance;

    @Inject
    transient LedgerService ledger;

    @Inject
    transient ClinicScope scope;

    @Inject
    transient ClinicNames clinicNames;

    private boolean regulator;
    private List<String> clinics;
    private String clinic;
    private transient Readiness readiness;
    private boolean noClinic;

    @PostConstruct
    void init() {
        regulator = scope.allClinics();
        clinics = regulator ? ledger.clinics() : List.of();
    }

    /** The view action and the clinic choice's listener. */
    public void load() {
        String wanted = regulator ? chosen() : null;
        noClinic = regulator ? wanted == null : scope.ownClinic().isEmpty();
        readiness = noClinic ? null : compliance.readiness(wanted);
        clinic = readiness == null ? clinic : readiness.clinicId();
    }

    private String chosen() {
        if (clinic != null && clinics.contains(clinic.toLowerCase(Locale.ROOT))) {
            return clinic.toLowerCase(Locale.ROOT);
        }
        return clinics.isEmpty() ? null : clinics.get(0);
    }

    public Readiness getReadiness() {
        if (readiness == null && !noClinic) {
            load();
        }
        return readiness;
    }

    public ReadinessVerdict getVerdict() {
        Readiness r = getReadiness();
        return r == null ? null : ReadinessVerdict.of(r.openBySeverity(), r.lastBundle() != null);
    }

    public List<Bars.Bar> getBySeverity() {
        Readiness r = getReadiness();
        return r == null ? List.of() : Bars.of(r.openBySeverity());
    }

    public List<Bars.Bar> getByRule() {
        Readiness r = getReadiness();
        return r == null ? List.of() : Bars.of(r.openByRule());
    }

    public boolean isRegulator() {
        return regulator;
    }

    public boolean isNoClinic() {
        return noClinic;
    }

    public List<String> getClinics() {
        return clinics;
    }

    /** The regulator's clinic choice: each clinic by name (the id stays the value). */
    public List<jakarta.faces.model.SelectItem> getClinicItems() {
        return clinics.stream().map(c -> new jakarta.faces.model.SelectItem(c, clinicNames.name(c))).toList();
    }

    /** The last evaluation's inputs in words ("Based on verified block 1,567 and evidence bundle 0x12…"). */
    public String getInputs() {
        Readiness r = getReadiness();
        return r == null || r.lastEvaluation() == null ? null : InputsInWords.of(r.lastEvaluation().getInputMark());
    }
    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        this.clinic = clinic;
    }
}
