package org.custos.reports.render;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.ClinicAuditReport.BundleCheck;
import org.custos.reports.model.Finding;
import org.custos.reports.model.Severity;

/**
 * The clinic audit (or pre-inspection) report: scope and period, verification summary, findings by severity with
 * their status, reason and evidence location, the last verified bundle's checks, evidence appendix.
 */
final class ClinicAuditLayout {

    static final String NO_BUNDLE = "No verified evidence bundle: the clinic has no evidence bundle that Custos "
            + "verified, so the rules that need one could not run.";

    private ClinicAuditLayout() {
    }

    static void draw(ReportCanvas canvas, ClinicAuditReport r, Instant generated) {
        TitlePage.draw(canvas, r, r.preparedAtClinicRequest() ? "PRE-INSPECTION REPORT" : "CLINIC AUDIT REPORT",
                (r.preparedAtClinicRequest() ? "Self-assessment of " : "Compliance audit of ") + r.clinic() + " for "
                + r.periodStart() + " to " + r.periodEnd() + ", from the consortium ledger, re-verified by Custos.",
                generated);
        canvas.newPage();
        canvas.heading("Scope and period", 60);
        new KeyValueBlock()
                .add("Clinic", r.clinic())
                .add("Period", r.periodStart() + " to " + r.periodEnd() + " (inclusive)")
                .add("Scope", r.scope())
                .draw(canvas);
        VerificationBlock.draw(canvas, r.verification());
        canvas.heading("Findings", 60);
        Map<Severity, Integer> counts = new TreeMap<>();
        r.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        Table summary = Table.of("Severity", 1, "Findings", 1);
        for (Severity s : Severity.values()) {
            summary.row(Table.Cell.filled(s, Colours.severity(s)), counts.getOrDefault(s, 0));
        }
        summary.draw(canvas, "");
        Table findings = Table.of("#", 0.35, "Rule", 1.0, "Legal source", 1.3, "Severity", 0.8, "Status", 1.3,
                "Finding", 3.0);
        int n = 1;
        for (Finding f : r.findings()) {
            findings.row(n++, Table.Cell.mono(f.ruleId()), f.legalSource(),
                    Table.Cell.filled(f.severity(), Colours.severity(f.severity())), status(f), finding(f));
        }
        findings.draw(canvas, "No findings in this period.");
        bundle(canvas, r);
        EvidenceSection.appendix(canvas, r.evidence());
    }

    /** The status, why it was set and by whom (when stated). */
    static String status(Finding f) {
        StringBuilder text = new StringBuilder(f.status());
        if (f.statusReason() != null && !f.statusReason().isBlank()) {
            text.append("\nReason: ").append(f.statusReason());
        }
        if (f.statusSetBy() != null && !f.statusSetBy().isBlank()) {
            text.append("\nSet by: ").append(f.statusSetBy());
        }
        return text.toString();
    }

    /** The summary and, when stated, where its facts are on the ledger. */
    static String finding(Finding f) {
        return f.evidence() == null || f.evidence().isBlank() ? f.summary()
                : f.summary() + "\nEvidence: " + f.evidence();
    }

    /** The checks of the last verified evidence bundle, or why there are none, and the rules that did not run. */
    private static void bundle(ReportCanvas canvas, ClinicAuditReport r) {
        if (r.bundleChecks() == null && r.rulesNotRun().isEmpty()) {
            return;
        }
        canvas.heading("Last verified evidence bundle", 60);
        if (r.bundleChecks() == null || r.bundleChecks().isEmpty()) {
            canvas.paragraph(canvas.fonts.bold, 9.5f, Colours.TEXT, NO_BUNDLE);
        } else {
            Table checks = Table.of("Check", 2, "Result", 0.8, "Detail", 4);
            for (BundleCheck c : r.bundleChecks()) {
                checks.row(c.check(), Table.Cell.filled(c.passed() ? "✓ passed" : "✗ failed",
                        Colours.verdict(c.passed())), c.detail());
            }
            checks.draw(canvas, "");
        }
        if (!r.rulesNotRun().isEmpty()) {
            canvas.heading("Rules that could not run", 40);
            for (String rule : r.rulesNotRun()) {
                canvas.paragraph("•  " + rule);
            }
        }
    }
}
