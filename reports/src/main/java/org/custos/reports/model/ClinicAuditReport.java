package org.custos.reports.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The clinic audit report: scope, period, what the ledger verification established, the findings, the checks of
 * the clinic's last verified evidence bundle, and the evidence appendix. Prepared at the clinic's request it is the
 * <em>pre-inspection report</em>: titled so, with the readiness verdict and a first-page statement that it is not
 * the regulator's assessment.
 *
 * @param preparedAtClinicRequest true for the pre-inspection report (a compliance officer's own clinic)
 * @param readinessVerdict        the readiness verdict (required for a pre-inspection report), or null
 * @param bundleChecks            the checks of the clinic's last verified evidence bundle; empty when the clinic
 *                                has no verified bundle; null when not stated (the section is then omitted)
 * @param rulesNotRun             rules that could not run (e.g. for want of a verified bundle), each with why
 */
public record ClinicAuditReport(ReportHeader header, String clinic, String scope, LocalDate periodStart,
                                LocalDate periodEnd, VerificationSummary verification, List<Finding> findings,
                                Evidence evidence, boolean preparedAtClinicRequest, String readinessVerdict,
                                List<BundleCheck> bundleChecks, List<String> rulesNotRun) implements Report {

    /** One check of a verified evidence bundle (e.g. "RFC 9162 inclusion of every entry under the anchored root"). */
    public record BundleCheck(String check, boolean passed, String detail) {
        public BundleCheck {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public ClinicAuditReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(clinic, "clinic");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(evidence, "evidence");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
        if (preparedAtClinicRequest && (readinessVerdict == null || readinessVerdict.isBlank())) {
            throw new IllegalArgumentException("a pre-inspection report needs its readiness verdict");
        }
        findings = List.copyOf(findings);
        bundleChecks = bundleChecks == null ? null : List.copyOf(bundleChecks);
        rulesNotRun = rulesNotRun == null ? List.of() : List.copyOf(rulesNotRun);
    }

    /** The regulator's clinic audit report, without bundle checks. */
    public ClinicAuditReport(ReportHeader header, String clinic, String scope, LocalDate periodStart,
                             LocalDate periodEnd, VerificationSummary verification, List<Finding> findings,
                             Evidence evidence) {
        this(header, clinic, scope, periodStart, periodEnd, verification, findings, evidence, false, null, null,
                List.of());
    }

    @Override
    public String title() {
        return (preparedAtClinicRequest ? "Pre-inspection report: " : "Clinic audit report: ") + clinic;
    }
}
