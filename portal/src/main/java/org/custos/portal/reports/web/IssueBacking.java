package org.custos.portal.reports.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.reports.application.ReportService;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;

/**
 * The "issue a signed report" page: the kinds the caller's role may issue, the clinic (regulators choose; others
 * get their own, on the server), the subject for the per-subject reports; the report is issued in the background
 * and the page polls its progress until the download link appears.
 */
@Named
@ViewScoped
public class IssueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ReportService reports;

    @Inject
    transient ReportJobs jobs;

    @Inject
    transient LedgerService ledger;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient ClinicScope clinicScope;

    private ReportKind kind;
    private String clinic;
    private String subject;
    private String jobId;

    public List<ReportKind> getKinds() {
        return reports.kindsForCaller();
    }

    public boolean isRegulator() {
        return currentUser.isRegulator();
    }

    /** Regulators: the clinics with events on the verified ledger. */
    public List<String> getClinics() {
        return currentUser.isRegulator() ? ledger.clinics() : List.of();
    }

    public String label(ReportKind k) {
        return switch (k) {
            case CONSORTIUM_INTEGRITY -> "Consortium integrity report (whole ledger)";
            case CLINIC_AUDIT -> "Clinic audit report";
            case PRE_INSPECTION -> "Pre-inspection report (your clinic)";
            case DISCLOSURE_ACCOUNTING -> "Accounting of disclosures (one data subject)";
            case ERASURE_CERTIFICATE -> "Erasure certificate (one erasure request)";
        };
    }

    public void start() {
        ReportKind chosen = kind == null && !getKinds().isEmpty() ? getKinds().get(0) : kind;
        Optional<ReportJob> job = jobs.start(currentUser.getName(), clinicScope.decide(),
                new ReportService.Request(chosen, currentUser.isRegulator() ? clinic : null, subject));
        if (job.isEmpty()) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "One of your reports is still being issued; wait for it to finish.", null));
            return;
        }
        jobId = job.get().getId();
    }

    public void poll() {
        // the page re-renders the job's state; nothing to do on the server
    }

    public ReportJob getJob() {
        return jobs.job(jobId, currentUser.getName()).orElse(null);
    }

    public boolean isRunning() {
        ReportJob job = getJob();
        return job != null && !job.isFinished();
    }

    public boolean isFinished() {
        ReportJob job = getJob();
        return job == null || job.isFinished();
    }

    public boolean isNeedsSubject() {
        return kind != null && ReportService.withSubject().contains(kind);
    }

    public ReportKind getKind() {
        return kind;
    }

    public void setKind(ReportKind kind) {
        this.kind = kind;
    }

    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        this.clinic = clinic;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
