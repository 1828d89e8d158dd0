package org.custos.reports.render;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.Finding;
import org.custos.reports.model.Severity;

/** The clinic audit report: scope and period, verification summary, findings by severity, evidence appendix. */
final class ClinicAuditLayout {

    private ClinicAuditLayout() {
    }

    static void draw(ReportCanvas canvas, ClinicAuditReport r, Instant generated) {
        TitlePage.draw(canvas, r, "CLINIC AUDIT REPORT", "Compliance audit of " + r.clinic() + " for "
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
        Table findings = Table.of("#", 0.35, "Rule", 1.0, "Legal source", 1.5, "Severity", 0.8, "Status", 0.8,
                "Finding", 3.2);
        int n = 1;
        for (Finding f : r.findings()) {
            findings.row(n++, Table.Cell.mono(f.ruleId()), f.legalSource(),
                    Table.Cell.filled(f.severity(), Colours.severity(f.severity())), f.status(), f.summary());
        }
        findings.draw(canvas, "No findings in this period.");
        EvidenceSection.appendix(canvas, r.evidence());
    }
}
