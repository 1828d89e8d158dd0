package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.BundleVerification.CheckpointCheck;
import org.custos.portal.evidence.domain.BundleVerification.HeadStatus;
import org.custos.portal.evidence.domain.BundleVerification.RootStatus;

/**
 * INT-05: the bundle's log against the anchored checkpoints. A checkpoint whose root the bundle's leaves do not
 * rebuild while a later checkpoint's root is rebuilt means the log was rewritten after it (the consistency proof
 * between the two anchored roots, built from the bundle, fails): one finding per such checkpoint. A mismatch that
 * no later checkpoint repairs means stored entries differ from the anchored ones (tampered): one finding at the
 * first mismatching checkpoint. A signed tree head that is missing, differs from its checkpoint or is not signed
 * by the registered {@code logSigner} is a finding of its own.
 */
public final class LogConsistency extends CatalogueRule {

    public LogConsistency() {
        super("INT-05", 1, "RFC 9162 §2.1.3-2.1.4; GDPR Art 32(1)(b); 45 CFR 164.312(c)", Severity.S1, Scope.ALL,
                true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        List<CheckpointCheck> cps = f.verification().checkpoints();
        CheckpointCheck firstUnrepaired = null;
        for (int k = 0; k < cps.size(); k++) {
            CheckpointCheck c = cps.get(k);
            if (c.status() != RootStatus.MISMATCH) {
                continue;
            }
            CheckpointCheck later = null;
            for (int j = k + 1; j < cps.size(); j++) {
                if (cps.get(j).status() == RootStatus.MATCH) {
                    later = cps.get(j);
                    break;
                }
            }
            if (later != null) {
                Map<String, String> objects = new TreeMap<>();
                objects.put("earlierTreeSize", Long.toString(c.treeSize()));
                objects.put("laterTreeSize", Long.toString(later.treeSize()));
                objects.put("earlierRoot", c.anchoredRoot());
                objects.put("rebuiltRoot", c.bundleRoot());
                out.add(finding(f, "checkpoint:" + c.event().txHash(), "Log rewritten after the checkpoint of size "
                        + c.treeSize() + ": the later anchored root is not consistent with it", objects,
                        List.of(EvidenceRef.event("checkpointBefore", c.event()),
                                EvidenceRef.event("checkpointAfter", later.event())), null, null));
            } else if (firstUnrepaired == null) {
                firstUnrepaired = c;
            }
        }
        if (firstUnrepaired != null) {
            Map<String, String> objects = new TreeMap<>();
            objects.put("treeSize", Long.toString(firstUnrepaired.treeSize()));
            objects.put("anchoredRoot", firstUnrepaired.anchoredRoot());
            objects.put("rebuiltRoot", firstUnrepaired.bundleRoot());
            out.add(finding(f, "checkpoint:" + firstUnrepaired.event().txHash(), "Stored log entries differ from "
                    + "the anchored ones: the root of the first " + firstUnrepaired.treeSize()
                    + " entries is not the anchored root", objects,
                    List.of(EvidenceRef.event("checkpoint", firstUnrepaired.event())), null, null));
        }
        for (CheckpointCheck c : cps) {
            if (c.head() == HeadStatus.OK) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("treeSize", Long.toString(c.treeSize()));
            objects.put("headStatus", c.head().name());
            if (c.headSigner() != null) {
                objects.put("headSigner", c.headSigner());
            }
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("checkpoint", c.event())));
            out.add(finding(f, "head:" + c.event().txHash(), "Signed tree head " + c.head().name().toLowerCase()
                    .replace('_', ' '), objects, ev, null, null));
        }
    }
}
