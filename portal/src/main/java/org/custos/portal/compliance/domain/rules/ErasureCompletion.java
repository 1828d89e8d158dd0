package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-ER-01: an erasure request answered FULFILLED needs every key registered to the subject (before the answer)
 * destroyed ({@code KeyDestroyed}) by the Art 12(3) deadline ({@link RequestClock#GDPR}, the formula the request
 * rules and the queue use): one month from receipt, three when the extension notice came inside the first month. Destroyed late or never (once the deadline has passed) is a finding. For
 * clinics established in the Union or the United Kingdom, on every erasure request, whatever regime it declares
 * (version 2; version 1 skipped requests declared under HIPAA): the profile selects the rule, APP-01/02 report a
 * declared regime that does not fit it.
 */
public final class ErasureCompletion extends CatalogueRule {

    public ErasureCompletion() {
        super("GDPR-ER-01", 2, "GDPR Art 17(1) with Art 12(3)", Severity.S1, Scope.GDPR, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, ProvenEvent> extended = Chain.firstBy(f, "RequestExtended", "requestId");
        Map<String, ProvenEvent> answered = Chain.firstBy(f, "RequestAnswered", "requestId");
        Map<String, ProvenEvent> destroyed = Chain.firstBy(f, "KeyDestroyed", "keyId");
        Map<String, List<ProvenEvent>> keysOf = Chain.allBy(f, "KeyRegistered", "subjectPseudonym");
        for (ProvenEvent r : Chain.requests(f)) {
            if (r.intField("requestType") != EventVocabulary.RequestType.ERASURE) {
                continue;
            }
            String id = r.field("requestId");
            ProvenEvent ans = answered.get(id);
            if (ans == null || ans.intField("outcome") != EventVocabulary.Outcome.FULFILLED) {
                continue;
            }
            ProvenEvent ext = extended.get(id);
            Instant deadline = RequestClock.GDPR.deadline(r.time(), ext == null ? null : ext.time());
            List<String> late = new ArrayList<>();
            Instant actual = null;
            boolean never = false;
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("requestReceived", r),
                    EvidenceRef.event("requestAnswered", ans)));
            for (ProvenEvent k : keysOf.getOrDefault(r.field("subjectPseudonym"), List.of())) {
                if (k.time().isAfter(ans.time())) {
                    continue;
                }
                ProvenEvent d = destroyed.get(k.field("keyId"));
                if (d != null && !d.time().isAfter(deadline)) {
                    continue;
                }
                if (d == null && !f.asOf().isAfter(deadline)) {
                    continue;
                }
                late.add(k.field("keyId"));
                ev.add(EvidenceRef.event("keyRegistered", k));
                if (d == null) {
                    never = true;
                } else {
                    ev.add(EvidenceRef.event("keyDestroyed", d));
                    actual = actual == null || d.time().isAfter(actual) ? d.time() : actual;
                }
            }
            if (late.isEmpty()) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("requestId", id);
            objects.put("keyIds", String.join(",", late));
            out.add(finding(f, "requestId:" + id, never ? "Erasure answered as fulfilled but "
                    + late.size() + " key(s) of the subject never destroyed" : "Key(s) of the subject destroyed after "
                    + "the erasure deadline", objects, ev, deadline, never ? null : actual));
        }
    }
}
