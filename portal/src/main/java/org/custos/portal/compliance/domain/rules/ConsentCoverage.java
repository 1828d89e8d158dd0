package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.AccessLogTable;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-CON-04: every anchored access needs a {@code ConsentGranted} for its subject and purpose at or before its
 * recorded time (not expired). The simulator records every access under consent (basis 0x0101). An access whose
 * grants were all revoked before it is GDPR-CON-02 instead.
 */
public final class ConsentCoverage extends CatalogueRule {

    public ConsentCoverage() {
        super("GDPR-CON-04", 1, "GDPR Art 6(1)(a), 7(1), 9(2)(a)", Severity.S1, Scope.GDPR, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        AccessRules consents = new AccessRules(f);
        AccessLogTable log = f.bundle().accessLog();
        for (int i = 0; i < f.verification().coveredEntries(); i++) {
            if (!consents.grantsBefore(log.subject(i), log.purpose(i), log.recorded(i)).isEmpty()) {
                continue;
            }
            AccessLogTable.Entry e = log.get(i);
            List<EvidenceRef> ev = new ArrayList<>(List.of(f.entryEvidence(i)));
            f.coveringCheckpoint(i).ifPresent(c -> ev.add(EvidenceRef.event("checkpoint", c)));
            Map<String, String> objects = CryptoShreddingEvidence.entryObjects(e);
            out.add(finding(f, "entry:" + e.path(), "Access without a consent for its purpose", objects, ev, null,
                    Chain.epoch(e.recorded())));
        }
    }
}
