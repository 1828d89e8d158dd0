package org.custos.reports.render;

import java.time.Instant;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.ConsortiumIntegrityReport.ChainCheck;
import org.custos.reports.model.ConsortiumIntegrityReport.IntegrityAlert;
import org.custos.reports.model.ConsortiumIntegrityReport.SplitViewCheck;
import org.custos.reports.model.ConsortiumIntegrityReport.ValidatorChange;

/**
 * The consortium integrity report: validator-set changes, chain checks, split-view checks across members' nodes,
 * open and past integrity alerts.
 */
final class ConsortiumIntegrityLayout {

    private ConsortiumIntegrityLayout() {
    }

    static void draw(ReportCanvas canvas, ConsortiumIntegrityReport r, Instant generated) {
        TitlePage.draw(canvas, r, "CONSORTIUM INTEGRITY REPORT", "Integrity of the " + r.consortium()
                + " ledger: hash chain, consensus seals, block bodies, and agreement between members' nodes.",
                generated);
        canvas.newPage();
        VerificationBlock.draw(canvas, r.verification());
        if (r.validatorChanges() != null) {
            canvas.heading("Validator set changes", 60);
            Table changes = Table.of("Block", 1, "Change", 5);
            for (ValidatorChange c : r.validatorChanges()) {
                changes.row(c.block(), c.description());
            }
            changes.draw(canvas, "No validator set changes in the verified range.");
        }
        canvas.heading("Chain verification", 60);
        Table checks = Table.of("Check", 2, "Blocks", 1.2, "Result", 0.8, "Detail", 3.5);
        for (ChainCheck c : r.chainChecks()) {
            checks.row(c.check(), c.range(), Table.Cell.filled(c.passed() ? "✓ passed" : "✗ failed",
                    Colours.verdict(c.passed())), c.detail());
        }
        checks.draw(canvas, "No chain checks were run.");
        canvas.heading("Split-view checks (INT-06)", 60);
        Table views = Table.of("Block", 0.8, "Member node", 1.6, "Reported hash", 4, "Agrees", 0.8);
        for (SplitViewCheck v : r.splitViewChecks()) {
            views.row(v.block(), v.member(), Table.Cell.mono(v.reportedHash()),
                    Table.Cell.filled(v.agrees() ? "✓ yes" : "✗ no", Colours.verdict(v.agrees())));
        }
        views.draw(canvas, "No member nodes were compared.");
        canvas.heading("Open integrity alerts", 60);
        Table open = Table.of("Rule", 1, "Severity", 0.9, "Raised", 1.4, "Description", 4);
        for (IntegrityAlert a : r.openAlerts()) {
            open.row(Table.Cell.mono(a.ruleId()), Table.Cell.filled(a.severity(), Colours.severity(a.severity())),
                    a.raisedAt(), a.description());
        }
        open.draw(canvas, "No integrity alerts are open.");
        canvas.heading("Past integrity alerts", 60);
        Table past = Table.of("Rule", 1, "Severity", 0.9, "Raised", 1.3, "Closed", 1.3, "Description", 3.6);
        for (IntegrityAlert a : r.pastAlerts()) {
            past.row(Table.Cell.mono(a.ruleId()), Table.Cell.filled(a.severity(), Colours.severity(a.severity())),
                    a.raisedAt(), a.closedAt(), a.description());
        }
        past.draw(canvas, "No past integrity alerts.");
        EvidenceSection.appendix(canvas, r.evidence());
    }
}
