package org.custos.reports.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The clinic audit report: scope, period, what the ledger verification established, the findings, and the
 * evidence appendix.
 */
public record ClinicAuditReport(ReportHeader header, String clinic, String scope, LocalDate periodStart,
                                LocalDate periodEnd, VerificationSummary verification, List<Finding> findings,
                                Evidence evidence) implements Report {

    public ClinicAuditReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(clinic, "clinic");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(evidence, "evidence");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
        findings = List.copyOf(findings);
    }

    @Override
    public String title() {
        return "Clinic audit report: " + clinic;
    }
}
