package org.custos.portal.compliance.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.BundleVerification.CheckpointCheck;
import org.custos.portal.evidence.domain.BundleVerification.RootStatus;
import org.custos.portal.evidence.domain.EvidenceBundle;

/**
 * HIPAA-AUD-01: the stored access log must reconcile with what the clinic anchored: a bundle holding fewer entries
 * than an anchored {@code treeSize} lost entries. One finding per clinic log, citing the largest anchored size it
 * falls short of. Applies to every clinic (the audit log's completeness is also an integrity matter, INT-05).
 */
public final class LogCompleteness extends CatalogueRule {

    public LogCompleteness() {
        super("HIPAA-AUD-01", 1, "45 CFR 164.312(b)", Severity.S1, Scope.ALL, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        CheckpointCheck shortest = null;
        for (CheckpointCheck c : f.verification().checkpoints()) {
            if (c.status() == RootStatus.SHORT) {
                shortest = c;
            }
        }
        if (shortest == null) {
            return;
        }
        Map<String, String> objects = new TreeMap<>();
        objects.put("anchoredTreeSize", Long.toString(shortest.treeSize()));
        objects.put("bundledEntries", Integer.toString(f.verification().entries()));
        objects.put("firstMissing", EvidenceBundle.entryPath(f.verification().entries()));
        out.add(finding(f, "checkpoint:" + shortest.event().txHash(), "The bundle holds "
                + f.verification().entries() + " access-log entries, the clinic anchored " + shortest.treeSize(),
                objects, List.of(EvidenceRef.event("checkpoint", shortest.event())), null, null));
    }
}
