package org.custos.portal.evidence.web;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.compliance.application.EvaluationGate;
import org.custos.portal.evidence.application.EvidenceService;
import org.custos.portal.evidence.application.EvidenceService.UploadTicket;
import org.custos.portal.evidence.domain.BundleRejectedException;

/**
 * Runs bundle verifications on the container's managed executor (the uploader's security context goes with the
 * task), at most one per clinic at a time; the spooled upload file is deleted when its job ends. Jobs are kept
 * for an hour so that the page that started one can poll it.
 */
@ApplicationScoped
public class VerificationJobs {

    private static final Logger LOG = Logger.getLogger(VerificationJobs.class.getName());
    private static final long KEEP_SECONDS = 3600;

    @Resource
    ManagedExecutorService executor;

    @Inject
    EvidenceService evidence;

    @Inject
    EvaluationGate gate;

    @Inject
    Clock clock;

    private final Map<String, VerificationJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> runningByClinic = new ConcurrentHashMap<>();

    /**
     * Starts verifying {@code spooled} (which the job then owns and deletes) for the ticket's clinic; empty when a
     * verification of that clinic is already running (the file is deleted then too).
     */
    public Optional<VerificationJob> start(UploadTicket ticket, Path spooled, String fileName) throws IOException {
        forgetOld();
        String id = UUID.randomUUID().toString();
        if (runningByClinic.putIfAbsent(ticket.clinicId(), id) != null) {
            Files.deleteIfExists(spooled);
            return Optional.empty();
        }
        VerificationJob job = new VerificationJob(id, ticket.clinicId(), fileName, Files.size(spooled),
                clock.instant());
        jobs.put(id, job);
        try {
            executor.submit(() -> run(job, ticket, spooled));
        } catch (RuntimeException e) {
            runningByClinic.remove(ticket.clinicId(), id);
            Files.deleteIfExists(spooled);
            throw e;
        }
        return Optional.of(job);
    }

    public Optional<VerificationJob> job(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(jobs.get(id));
    }

    void run(VerificationJob job, UploadTicket ticket, Path spooled) {
        try (InputStream in = Files.newInputStream(spooled)) {
            job.progress(0, 0);
            // the gate is held until verify's transaction has committed: no background evaluation merges meanwhile
            job.done(gate.exclusively(() -> evidence.verify(in, ticket, job::progress)));
        } catch (jakarta.ejb.EJBAccessException e) {
            outcome(job, e);
        } catch (EJBException e) {
            outcome(job, e.getCausedByException() != null ? e.getCausedByException()
                    : e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException | IOException e) {
            outcome(job, e);
        } finally {
            runningByClinic.remove(ticket.clinicId(), job.getId());
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete the spooled upload " + spooled, e);
            }
        }
    }

    /**
     * A refusal or failure in words; details of unexpected failures go to the log, not to the page. A refused
     * bundle is an expected outcome: one log line (reason code, clinic, size), no stack trace (issue 16 item 7).
     */
    static void outcome(VerificationJob job, Throwable cause) {
        if (cause instanceof BundleRejectedException r) {
            LOG.info(() -> "bundle refused: " + r.reason() + ", clinic " + job.getClinicId() + ", "
                    + job.getFileBytes() + " bytes (verification " + job.getId() + ")");
            job.rejected(RejectionMessages.of(r.reason()));
        } else if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            job.rejected("Not verified: " + cause.getMessage() + ". Nothing was stored.");
        } else if (cause instanceof SecurityException || cause instanceof jakarta.ejb.EJBAccessException) {
            job.rejected("Not verified: you may not upload a bundle for this clinic. Nothing was stored.");
        } else {
            LOG.log(Level.SEVERE, "bundle verification " + job.getId() + " failed", cause);
            job.failed("The verification failed unexpectedly (reference " + job.getId()
                    + "). Nothing was stored.");
        }
    }

    private void forgetOld() {
        java.time.Instant cutoff = clock.instant().minusSeconds(KEEP_SECONDS);
        jobs.values().removeIf(j -> j.isFinished() && j.getStartedAt().isBefore(cutoff));
    }
}
