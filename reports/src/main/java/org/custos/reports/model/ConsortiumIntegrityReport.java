package org.custos.reports.model;

import java.util.List;
import java.util.Objects;

/** The consortium integrity report: chain verification results, split-view checks and integrity alerts. */
public record ConsortiumIntegrityReport(ReportHeader header, String consortium, VerificationSummary verification,
                                        List<ChainCheck> chainChecks, List<SplitViewCheck> splitViewChecks,
                                        List<IntegrityAlert> alerts, Evidence evidence) implements Report {

    /** One verification step over a block range, e.g. "QBFT commit seals", "receipts roots". */
    public record ChainCheck(String check, String range, boolean passed, String detail) {
        public ChainCheck {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The block hash one member's node reported at a height, and whether it agrees with the verified chain. */
    public record SplitViewCheck(long block, String member, String reportedHash, boolean agrees) {
        public SplitViewCheck {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reportedHash, "reportedHash");
        }
    }

    /** An integrity alert (catalogue INT-xx). */
    public record IntegrityAlert(String ruleId, Severity severity, String raisedAt, String description) {
        public IntegrityAlert {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(raisedAt, "raisedAt");
            Objects.requireNonNull(description, "description");
        }
    }

    public ConsortiumIntegrityReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(consortium, "consortium");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(evidence, "evidence");
        chainChecks = List.copyOf(chainChecks);
        splitViewChecks = List.copyOf(splitViewChecks);
        alerts = List.copyOf(alerts);
    }

    @Override
    public String title() {
        return "Consortium integrity report: " + consortium;
    }
}
