package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.AccessLogTable;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-ER-05: rectification by a superseding transaction (Art 16; EDPB: "a subsequent transaction, which announces
 * the cancellation of an earlier transaction"). (1) Each {@code RecordSuperseded(old, new)} links two different
 * records the clinic committed before the link (chain order), and a record is superseded at most once (one latest
 * version). (2) A rectification request ({@code requestType} 2) answered {@code FULFILLED} has a supersede of one of
 * the subject's records (its key registered to the request's subject) between receipt and answer. (3) With a
 * verified bundle, no anchored access reads a record after it was superseded (readers use the latest version); an
 * access in the supersede's own second is not counted (block times have one-second resolution).
 */
public final class Rectification extends CatalogueRule {

    static final int RECTIFICATION = EventVocabulary.RequestType.RECTIFICATION;
    static final int FULFILLED = EventVocabulary.Outcome.FULFILLED;

    public Rectification() {
        super("GDPR-ER-05", 1, "GDPR Art 16, 5(1)(d); EDPB Guidelines 02/2025 (rectification)", Severity.S3,
                Scope.GDPR, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, ProvenEvent> records = Chain.firstBy(f, "RecordCommitted", "recordId");
        Map<String, ProvenEvent> latest = new HashMap<>();
        Map<String, ProvenEvent> supersededBy = new HashMap<>();
        for (ProvenEvent s : f.events("RecordSuperseded")) {
            String old = s.field("oldRecordId");
            String replacement = s.field("newRecordId");
            List<String> problems = new ArrayList<>();
            ProvenEvent oldRecord = records.get(old);
            ProvenEvent newRecord = records.get(replacement);
            if (old.equals(replacement)) {
                problems.add("links a record to itself");
            }
            if (oldRecord == null || oldRecord.id() > s.id()) {
                problems.add("the superseded record was not committed before");
            }
            if (newRecord == null || newRecord.id() > s.id()) {
                problems.add("the new version was not committed before");
            }
            ProvenEvent earlier = supersededBy.putIfAbsent(old, s);
            if (earlier != null) {
                problems.add("the record was already superseded (two latest versions)");
            }
            latest.putIfAbsent(old, s);
            if (problems.isEmpty()) {
                continue;
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("oldRecordId", old);
            objects.put("newRecordId", replacement);
            objects.put("problems", String.join("; ", problems));
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("recordSuperseded", s)));
            if (earlier != null) {
                ev.add(EvidenceRef.event("earlierSupersede", earlier));
            }
            out.add(finding(f, "supersede:" + s.txHash() + "/" + s.logIndex(), "Broken rectification link: "
                    + String.join("; ", problems), objects, ev, null, s.time()));
        }
        requests(f, records, out);
        if (f.hasBundle() && !latest.isEmpty()) {
            AccessLogTable log = f.bundle().accessLog();
            for (int i = 0; i < f.verification().coveredEntries(); i++) {
                ProvenEvent s = latest.get(log.recordId(i));
                if (s == null || log.recorded(i) <= s.epoch()) {
                    continue;
                }
                AccessLogTable.Entry e = log.get(i);
                Map<String, String> objects = CryptoShreddingEvidence.entryObjects(e);
                objects.put("newRecordId", s.field("newRecordId"));
                out.add(finding(f, "entry:" + e.path(), "Access to a superseded record version (rectified "
                        + s.time() + ")", objects, List.of(f.entryEvidence(i), EvidenceRef.event("recordSuperseded",
                        s)), s.time(), Chain.epoch(e.recorded())));
            }
        }
    }

    private void requests(ClinicFacts f, Map<String, ProvenEvent> records, List<Finding> out) {
        Map<String, ProvenEvent> keys = Chain.firstBy(f, "KeyRegistered", "keyId");
        Map<String, ProvenEvent> answers = Chain.firstBy(f, "RequestAnswered", "requestId");
        for (ProvenEvent r : Chain.requests(f)) {
            ProvenEvent answer = answers.get(r.field("requestId"));
            if (r.intField("requestType") != RECTIFICATION || answer == null
                    || answer.intField("outcome") != FULFILLED) {
                continue;
            }
            String subject = r.field("subjectPseudonym");
            boolean linked = false;
            for (ProvenEvent s : f.events("RecordSuperseded")) {
                ProvenEvent old = records.get(s.field("oldRecordId"));
                ProvenEvent key = old == null ? null : keys.get(old.field("keyId"));
                if (s.id() > r.id() && s.id() < answer.id() && key != null
                        && subject.equals(key.field("subjectPseudonym"))) {
                    linked = true;
                    break;
                }
            }
            if (!linked) {
                Map<String, String> objects = new TreeMap<>();
                objects.put("requestId", r.field("requestId"));
                objects.put("subjectPseudonym", subject);
                out.add(finding(f, "requestId:" + r.field("requestId"), "Rectification answered as fulfilled "
                        + "without a superseding record of the subject", objects, List.of(EvidenceRef.event(
                        "requestReceived", r), EvidenceRef.event("requestAnswered", answer)), null, answer.time()));
            }
        }
    }
}
