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
 * GDPR-CON-02: an anchored access whose subject had consents for its purpose, all revoked ({@code ConsentRevoked})
 * at or before the access.
 */
public final class ConsentWithdrawal extends CatalogueRule {

    public ConsentWithdrawal() {
        super("GDPR-CON-02", 1, "GDPR Art 7(3), 17(1)(b)", Severity.S1, Scope.GDPR, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        AccessRules consents = new AccessRules(f);
        AccessLogTable log = f.bundle().accessLog();
        for (int i = 0; i < f.verification().coveredEntries(); i++) {
            List<ProvenEvent> grants = consents.grantsBefore(log.subject(i), log.purpose(i), log.recorded(i));
            if (grants.isEmpty()) {
                continue;
            }
            List<ProvenEvent> revocations = new ArrayList<>();
            for (ProvenEvent g : grants) {
                ProvenEvent r = consents.revokedBy(g.field("consentId"), log.recorded(i));
                if (r == null) {
                    revocations = null;
                    break;
                }
                revocations.add(r);
            }
            if (revocations == null) {
                continue;
            }
            AccessLogTable.Entry e = log.get(i);
            Map<String, String> objects = CryptoShreddingEvidence.entryObjects(e);
            objects.put("consentId", String.join(",", AccessRules.ids(revocations, "consentId")));
            List<EvidenceRef> ev = new ArrayList<>(List.of(f.entryEvidence(i)));
            revocations.forEach(r -> ev.add(EvidenceRef.event("consentRevoked", r)));
            out.add(finding(f, "entry:" + e.path(), "Access after the subject withdrew consent for its purpose",
                    objects, ev, null, Chain.epoch(e.recorded())));
        }
    }
}
