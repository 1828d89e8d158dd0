package org.custos.portal.evidence.web;

import java.time.Instant;
import java.util.List;
import org.custos.portal.evidence.application.EvidenceService.UploadResult;
import org.custos.portal.system.Words;

/**
 * One uploaded bundle being verified: its progress while the archive is read (compressed bytes of the spooled
 * file, entries), then the outcome. Written by the executor thread, read by the page's polls.
 */
public final class VerificationJob {

    /** Where the job is. */
    public enum Phase { QUEUED, READING, DONE, REJECTED, FAILED }

    private final String id;
    private final String clinicId;
    private final String fileName;
    private final long fileBytes;
    private final Instant startedAt;
    private volatile Phase phase = Phase.QUEUED;
    private volatile long bytesRead;
    private volatile long entriesRead;
    private volatile String message;
    private volatile Outcome outcome;

    /** What the page shows of a verified bundle. */
    public record Outcome(String bundleSha256, int entries, int findings, int added, int refreshed,
                         int noLongerCurrent, List<VerificationChecks.Check> checks, long verifiedBlock,
                         Instant firstVerifiedAt, String firstVerifiedBy) {

        static Outcome of(UploadResult r) {
            return new Outcome(r.bundle().getSha256(), r.bundle().getEntries(), r.findings(), r.merge().added(),
                    r.merge().refreshed(), r.merge().noLongerCurrent(), VerificationChecks.of(r.verification()),
                    r.checkedBlock(), r.verifiedBefore() ? r.bundle().getUploadedAt() : null,
                    r.verifiedBefore() ? r.bundle().getUploadedBy() : null);
        }

        /** The same bundle was verified before (its row under "Past verifications" is that first verification). */
        public boolean isVerifiedBefore() {
            return firstVerifiedAt != null;
        }

        public String getEntriesText() {
            return Words.plural(entries, "access-log entry", "access-log entries");
        }

        public String getFindingsText() {
            return Words.plural(findings, "finding", "findings");
        }

        public String getChecksText() {
            return checksPassed() + " passed, " + checksFailed() + " failed";
        }

        public long checksPassed() {
            return checks.stream().filter(VerificationChecks.Check::passed).count();
        }

        public long checksFailed() {
            return checks.size() - checksPassed();
        }
    }

    VerificationJob(String id, String clinicId, String fileName, long fileBytes, Instant startedAt) {
        this.id = id;
        this.clinicId = clinicId;
        this.fileName = fileName;
        this.fileBytes = fileBytes;
        this.startedAt = startedAt;
    }

    void progress(long bytes, long entries) {
        phase = Phase.READING;
        bytesRead = bytes;
        entriesRead = entries;
    }

    void done(UploadResult result) {
        outcome = Outcome.of(result);
        bytesRead = fileBytes;
        phase = Phase.DONE;
    }

    void rejected(String why) {
        message = why;
        phase = Phase.REJECTED;
    }

    void failed(String why) {
        message = why;
        phase = Phase.FAILED;
    }

    public boolean isFinished() {
        Phase p = phase;
        return p == Phase.DONE || p == Phase.REJECTED || p == Phase.FAILED;
    }

    /** Percent of the archive read (0-100); reading is most of the work, then verifying and evaluating follow. */
    public int getPercent() {
        if (phase == Phase.DONE) {
            return 100;
        }
        return fileBytes <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileBytes);
    }

    /** What the job is doing, in words. */
    public String getStage() {
        return switch (phase) {
            case QUEUED -> "waiting to start";
            case READING -> bytesRead >= fileBytes ? "verifying against the chain and evaluating the rules"
                    : "reading and hashing the bundle";
            case DONE -> "verified";
            case REJECTED -> "refused";
            case FAILED -> "failed";
        };
    }

    public String getId() {
        return id;
    }

    public String getClinicId() {
        return clinicId;
    }

    public String getFileName() {
        return fileName;
    }

    public long getFileBytes() {
        return fileBytes;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Phase getPhase() {
        return phase;
    }

    public long getEntriesRead() {
        return entriesRead;
    }

    public String getMessage() {
        return message;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
