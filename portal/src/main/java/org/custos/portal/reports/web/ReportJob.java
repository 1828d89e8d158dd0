package org.custos.portal.reports.web;

import java.time.Instant;
import org.custos.portal.reports.domain.ReportKind;

/**
 * One report being issued: the blocks of evidence taken so far, then the report id or the reason it was refused.
 * Written by the executor thread, read by the page's polls; it belongs to the user who started it.
 */
public final class ReportJob {

    /** Where the job is. */
    public enum Phase { QUEUED, GATHERING, DONE, REFUSED, FAILED }

    private final String id;
    private final String owner;
    private final ReportKind kind;
    private final Instant startedAt;
    private volatile Phase phase = Phase.QUEUED;
    private volatile long done;
    private volatile long total;
    private volatile String reportId;
    private volatile String message;

    ReportJob(String id, String owner, ReportKind kind, Instant startedAt) {
        this.id = id;
        this.owner = owner;
        this.kind = kind;
        this.startedAt = startedAt;
    }

    void progress(long done, long total) {
        phase = Phase.GATHERING;
        this.done = done;
        this.total = total;
    }

    void issued(String reportId) {
        this.reportId = reportId;
        phase = Phase.DONE;
    }

    void refused(String message) {
        this.message = message;
        phase = Phase.REFUSED;
    }

    void failed(String message) {
        this.message = message;
        phase = Phase.FAILED;
    }

    public String getId() {
        return id;
    }

    String owner() {
        return owner;
    }

    public ReportKind getKind() {
        return kind;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Phase getPhase() {
        return phase;
    }

    public boolean isFinished() {
        return phase == Phase.DONE || phase == Phase.REFUSED || phase == Phase.FAILED;
    }

    /** Percent of the evidence's blocks taken (100 when done; signing follows the last block). */
    public int getPercent() {
        if (phase == Phase.DONE) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
    }

    public String getStage() {
        return switch (phase) {
            case QUEUED -> "queued";
            case GATHERING -> total == 0 ? "gathering the report's content"
                    : "taking the evidence from the node: block " + done + " of " + total
                    + (done == total ? ", rendering and signing" : "");
            case DONE -> "issued";
            case REFUSED -> "refused";
            case FAILED -> "failed";
        };
    }

    public String getReportId() {
        return reportId;
    }

    public String getMessage() {
        return message;
    }
}
