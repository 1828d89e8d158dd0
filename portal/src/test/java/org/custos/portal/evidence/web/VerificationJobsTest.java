package org.custos.portal.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.custos.portal.evidence.domain.BundleRejectedException;
import org.custos.portal.evidence.domain.BundleRejectedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a finished verification says on the page and in the log: a refused bundle is one log line (reason, clinic,
 * size) without a stack trace (issue 16 item 7); a crash keeps its trace in the log and only a reference on the page.
 */
class VerificationJobsTest {

    private static final String CLINIC = "0x" + "ab".repeat(32);
    private final Logger log = Logger.getLogger(VerificationJobs.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void capture() {
        level = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(handler);
    }

    @AfterEach
    void release() {
        log.removeHandler(handler);
        log.setLevel(level);
    }

    private static VerificationJob job() {
        return new VerificationJob("job-1", CLINIC, "clinic-2.zip", 229_673, Instant.EPOCH);
    }

    @Test
    void aRefusedBundleIsOneLineWithReasonClinicAndSizeAndNoStackTrace() {
        VerificationJob job = job();
        VerificationJobs.outcome(job, new BundleRejectedException(Reason.WRONG_CLINIC, "the bundle is clinic x's",
                new IllegalStateException("inner")));
        assertThat(job.getPhase()).isEqualTo(VerificationJob.Phase.REJECTED);
        assertThat(job.getMessage()).startsWith("Bundle refused (WRONG_CLINIC): The bundle is another clinic's bundle.");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getThrown()).isNull();
            assertThat(r.getMessage()).isEqualTo("bundle refused: WRONG_CLINIC, clinic " + CLINIC
                    + ", 229673 bytes (verification job-1)");
        });
    }

    @Test
    void aCrashKeepsItsStackTraceInTheLogAndShowsOnlyAReference() {
        VerificationJob job = job();
        NullPointerException crash = new NullPointerException("defect");
        VerificationJobs.outcome(job, crash);
        assertThat(job.getPhase()).isEqualTo(VerificationJob.Phase.FAILED);
        assertThat(job.getMessage()).contains("reference job-1").doesNotContain("defect");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(r.getThrown()).isSameAs(crash);
        });
    }
}
