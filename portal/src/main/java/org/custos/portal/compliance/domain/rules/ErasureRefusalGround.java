package org.custos.portal.compliance.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/** GDPR-ER-03: an erasure request answered PARTIAL or REFUSED cites an exception ({@code legalGround} ≠ 0). */
public final class ErasureRefusalGround extends CatalogueRule {

    public ErasureRefusalGround() {
        super("GDPR-ER-03", 1, "GDPR Art 17(3)", Severity.S3, Scope.GDPR, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, ProvenEvent> answered = Chain.firstBy(f, "RequestAnswered", "requestId");
        for (ProvenEvent r : Chain.requests(f)) {
            ProvenEvent a = answered.get(r.field("requestId"));
            if (r.intField("requestType") != EventVocabulary.RequestType.ERASURE || a == null
                    || a.intField("outcome") == EventVocabulary.Outcome.FULFILLED
                    || a.intField("legalGround") != 0) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("requestId", r.field("requestId"));
            objects.put("outcome", EventVocabulary.OUTCOME.nameOf(a.intField("outcome")));
            out.add(finding(f, "requestId:" + r.field("requestId"), "Erasure not fulfilled without a legal ground",
                    objects, List.of(EvidenceRef.event("requestReceived", r), EvidenceRef.event("requestAnswered", a)),
                    null, null));
        }
    }
}
