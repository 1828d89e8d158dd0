package org.custos.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * The consortium integrity report: chain verification results, validator-set changes, split-view checks and
 * integrity alerts (open and past, printed apart).
 *
 * @param validatorChanges the validator-set changes in the verified range; null when not stated (the section is
 *                         then omitted), empty when there were none
 */
public record ConsortiumIntegrityReport(ReportHeader header, String consortium, VerificationSummary verification,
                                        List<ChainCheck> chainChecks, List<SplitViewCheck> splitViewChecks,
                                        List<IntegrityAlert> alerts, Evidence evidence,
                                        List<ValidatorChange> validatorChanges) implements Report {

    /** A change of the validator set that took effect at {@code block} (e.g. "0x1b43… voted out"). */
    public record ValidatorChange(long block, String description) {
        public ValidatorChange {
            Objects.requireNonNull(description, "description");
            if (block < 0) {
                throw new IllegalArgumentException("block must not be negative: " + block);
            }
        }
    }

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

    /**
     * An integrity alert (catalogue INT-xx): open, or past with the time it was closed.
     *
     * @param closedAt when the alert was closed; null exactly when it is open
     */
    public record IntegrityAlert(String ruleId, Severity severity, String raisedAt, String description,
                                 boolean open, String closedAt) {
        public IntegrityAlert {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(raisedAt, "raisedAt");
            Objects.requireNonNull(description, "description");
            if (open != (closedAt == null)) {
                throw new IllegalArgumentException(open ? "an open alert has no closing time"
                        : "a past alert needs its closing time");
            }
        }

        /** An open alert. */
        public IntegrityAlert(String ruleId, Severity severity, String raisedAt, String description) {
            this(ruleId, severity, raisedAt, description, true, null);
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
        validatorChanges = validatorChanges == null ? null : List.copyOf(validatorChanges);
    }

    /** A report without validator-set changes stated. */
    public ConsortiumIntegrityReport(ReportHeader header, String consortium, VerificationSummary verification,
                                     List<ChainCheck> chainChecks, List<SplitViewCheck> splitViewChecks,
                                     List<IntegrityAlert> alerts, Evidence evidence) {
        this(header, consortium, verification, chainChecks, splitViewChecks, alerts, evidence, null);
    }

    public List<IntegrityAlert> openAlerts() {
        return alerts.stream().filter(IntegrityAlert::open).toList();
    }

    public List<IntegrityAlert> pastAlerts() {
        return alerts.stream().filter(a -> !a.open()).toList();
    }

    @Override
    public String title() {
        return "Consortium integrity report: " + consortium;
    }
}
