package org.custos.portal.evidence.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.custos.portal.evidence.application.EvidenceService;
import org.custos.portal.evidence.application.EvidenceService.UploadTicket;
import org.custos.portal.evidence.domain.StoredBundle;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.security.ClinicScope;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The upload page ({@code /evidence/upload.xhtml}): a regulator picks any clinic of the verified ledger, a
 * compliance officer's clinic is their own (from the token, on the server). The upload is spooled to a temporary
 * file, checked by {@link EvidenceService#authorise} on this request and verified on the managed executor; the
 * page polls the job's progress and shows its outcome, and lists past verifications in the caller's scope.
 */
@Named
@ViewScoped
public class UploadBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EvidenceService evidence;

    @Inject
    transient LedgerService ledger;

    @Inject
    transient VerificationJobs jobs;

    @Inject
    transient ClinicScope scope;

    private boolean regulator;
    private List<String> clinics;
    private String clinic;
    private String jobId;
    /** The job after whose end {@link #bundles} was last loaded. */
    private String refreshedFor;
    private List<StoredBundle> bundles;

    @PostConstruct
    void load() {
        regulator = scope.allClinics();
        if (regulator) {
            clinics = ledger.clinics();
            clinic = clinics.isEmpty() ? null : clinics.get(0);
        } else {
            clinics = List.of();
            clinic = scope.ownClinic().orElse(null);
        }
        bundles = evidence.bundles(0, 50);
    }

    /** The file upload's listener: spool, authorise, start the verification. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String target = regulator ? clinic : scope.ownClinic().orElse(null);
        if (target == null) {
            message(FacesMessage.SEVERITY_ERROR, "No clinic to upload for: your clinic is not on the verified ledger.");
            return;
        }
        Path spooled = null;
        try {
            UploadTicket ticket = evidence.authorise(target);
            spooled = Files.createTempFile("custos-bundle-", ".zip");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            Optional<VerificationJob> job = jobs.start(ticket, spooled, safeName(file.getFileName()));
            spooled = null;
            if (job.isEmpty()) {
                message(FacesMessage.SEVERITY_WARN, "A bundle of this clinic is being verified already: wait for "
                        + "its result, then upload again. Nothing was stored.");
                return;
            }
            jobId = job.get().getId();
        } catch (IOException e) {
            message(FacesMessage.SEVERITY_ERROR, "The upload could not be stored for verification. Nothing was stored.");
        } catch (jakarta.ejb.EJBException e) {
            message(FacesMessage.SEVERITY_ERROR, "You may not upload a bundle for this clinic. Nothing was stored.");
        } finally {
            deleteQuietly(spooled);
        }
    }

    /** The poll's listener: once the job has finished, refresh the list of verifications. */
    public void poll() {
        refreshAfterJob();
    }

    /**
     * Reloads the past verifications once per finished job. Also called when the table renders: the job may finish
     * between the poll's listener and its rendering, and that last poll (which stops polling) must show the row.
     */
    private void refreshAfterJob() {
        if (jobId != null && !jobId.equals(refreshedFor)) {
            VerificationJob job = getJob();
            if (job == null || job.isFinished()) {
                bundles = evidence.bundles(0, 50);
                refreshedFor = jobId;
            }
        }
    }

    public VerificationJob getJob() {
        return jobs.job(jobId).orElse(null);
    }

    public boolean isRunning() {
        VerificationJob job = getJob();
        return job != null && !job.isFinished();
    }

    public boolean isFinished() {
        VerificationJob job = getJob();
        return job == null || job.isFinished();
    }

    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 120 ? base.substring(0, 120) : base;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temporary file is removed by the operating system's cleanup
            }
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public boolean isRegulator() {
        return regulator;
    }

    public List<String> getClinics() {
        return clinics;
    }

    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        if (regulator && clinics.contains(clinic)) {
            this.clinic = clinic;
        }
    }

    public List<StoredBundle> getBundles() {
        refreshAfterJob();
        return bundles;
    }
}
