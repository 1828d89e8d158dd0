package org.custos.portal.reports.web;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.reports.application.ReportRefusedException;
import org.custos.portal.reports.application.ReportService;
import org.custos.portal.security.ClinicScope;

/**
 * Issues reports on the container's managed executor (the requester's security context goes with the task),
 * at most one running report per user; a job is visible only to the user who started it and kept for an hour.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class.getName());
    private static final long KEEP_SECONDS = 3600;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ReportService reports;

    @Inject
    Clock clock;

    private final Map<String, ReportJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> runningByUser = new ConcurrentHashMap<>();

    /**
     * Starts issuing for {@code user} with the clinic scope decided on their request thread; empty when this user
     * already has a report being issued.
     */
    public Optional<ReportJob> start(String user, ClinicScope.Decided scope, ReportService.Request request) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        if (runningByUser.putIfAbsent(user, id) != null) {
            return Optional.empty();
        }
        ReportJob job = new ReportJob(id, user, request.kind(), clock.instant());
        jobs.put(id, job);
        try {
            executor.submit(() -> run(job, scope, request));
        } catch (RuntimeException e) {
            runningByUser.remove(user, id);
            throw e;
        }
        return Optional.of(job);
    }

    /** The job, only for the user who started it. */
    public Optional<ReportJob> job(String id, String user) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(user));
    }

    void run(ReportJob job, ClinicScope.Decided scope, ReportService.Request request) {
        try {
            job.progress(0, 0);
            job.issued(ClinicScope.within(scope, () -> reports.issue(request, job::progress)).getId());
        } catch (ReportRefusedException e) {
            job.refused("Not issued: " + e.getMessage() + ". Nothing was stored.");
        } catch (EJBAccessException e) {
            job.refused("Not issued: your role may not issue this report. Nothing was stored.");
        } catch (RuntimeException e) {
            Throwable cause = e instanceof EJBException x && x.getCausedByException() != null
                    ? x.getCausedByException() : e;
            if (cause instanceof IllegalArgumentException) {
                job.refused("Not issued: " + cause.getMessage() + ". Nothing was stored.");
            } else {
                job.failed("The report could not be issued (reference " + job.getId() + "). Nothing was stored.");
                LOG.log(Level.SEVERE, "report job " + job.getId() + " failed", cause);
            }
        } catch (Error e) {
            // an OutOfMemoryError or the like: the user learns the report failed; the job never hangs "running"
            job.failed("The report could not be issued (reference " + job.getId() + "). Nothing was stored.");
            LOG.log(Level.SEVERE, "report job " + job.getId() + " failed", e);
            throw e;
        } finally {
            runningByUser.remove(job.owner(), job.getId());
        }
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minusSeconds(KEEP_SECONDS);
        jobs.values().removeIf(j -> j.isFinished() && j.getStartedAt().isBefore(cutoff));
    }
}
