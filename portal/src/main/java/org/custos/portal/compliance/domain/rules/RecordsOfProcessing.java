package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.BundleVerification.DocumentCheck;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.RopaDocument;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-ROPA-01: Art 30(1) records of processing, the parts the consortium's data can decide. (1) A clinic that
 * processes (a {@code RecordCommitted}, {@code ConsentGranted} or {@code DisclosureRecorded}) has anchored a RoPA
 * ({@code DocumentAnchored} docType 1) by the evaluation time. With a verified bundle: (2) every anchored RoPA
 * version (docType 1, Markdown; docType 5, machine-readable) is in the bundle with its anchored SHA-256 (Art 30(4):
 * the record is made available); (3) every non-zero on-chain {@code purposeId} is a purpose of the newest anchored,
 * bundled machine-readable RoPA (Art 30(1)(b)); (4) every on-chain {@code dataCategory} has a retention period in it
 * (Art 30(1)(f)). Purpose 0 is a missing purpose (HIPAA-AOD-01's finding, not this rule's). One finding per missing
 * document, per unlisted purpose and per category without retention, citing up to ten events. The Art 30(1)(a),
 * (c)-(e), (g) contents are free text: not decided (docs/rules.md).
 */
public final class RecordsOfProcessing extends CatalogueRule {

    public static final int DOC_ROPA = EventVocabulary.DocType.ROPA;
    public static final int DOC_ROPA_JSON = EventVocabulary.DocType.ROPA_JSON;
    private static final String[] PROCESSING = {"RecordCommitted", "ConsentGranted", "DisclosureRecorded"};

    public RecordsOfProcessing() {
        super("GDPR-ROPA-01", 1, "GDPR Art 30(1)(b), 30(1)(f), 30(4), 30(5)", Severity.S2, Scope.GDPR, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        List<ProvenEvent> processing = new ArrayList<>();
        for (String name : PROCESSING) {
            processing.addAll(f.events(name));
        }
        if (processing.isEmpty()) {
            return;
        }
        processing.sort((a, b) -> Long.compare(a.id(), b.id()));
        boolean anchored = f.events("DocumentAnchored").stream().anyMatch(d -> d.intField("docType") == DOC_ROPA);
        if (!anchored) {
            ProvenEvent first = processing.get(0);
            out.add(finding(f, "ropa", "Processing without anchored records of processing (docType 1)",
                    new TreeMap<>(Map.of("firstProcessing", first.name() + " " + first.txHash())),
                    List.of(EvidenceRef.event("firstProcessing", first)), first.time(), null));
        }
        if (!f.hasBundle()) {
            return;
        }
        DocumentCheck machineReadable = null;
        for (DocumentCheck d : f.verification().documents()) {
            if ((d.docType() == DOC_ROPA || d.docType() == DOC_ROPA_JSON) && !d.found()) {
                Map<String, String> objects = new TreeMap<>();
                objects.put("docType", Integer.toString(d.docType()));
                objects.put("version", Integer.toString(d.version()));
                objects.put("docHash", d.docHash());
                out.add(finding(f, "ropa-document:" + d.docHash(), "Anchored RoPA (docType " + d.docType()
                        + ", version " + d.version() + ") is not in the evidence bundle", objects,
                        List.of(EvidenceRef.event("ropaAnchored", d.event())), null, null));
            }
            if (d.docType() == DOC_ROPA_JSON) {
                machineReadable = d;
            }
        }
        if (machineReadable == null || !machineReadable.found()) {
            return;
        }
        DocumentCheck json = machineReadable;
        RopaDocument ropa = RopaDocument.parse(f.bundle().files().get(json.path()), f.clinicId()).orElse(null);
        if (ropa == null) {
            return;
        }
        Map<Integer, List<ProvenEvent>> unlistedPurposes = new TreeMap<>();
        Map<Integer, List<ProvenEvent>> noRetention = new TreeMap<>();
        for (ProvenEvent e : processing) {
            int purpose = e.intField("purposeId");
            if (purpose != 0 && !ropa.purposes().containsKey(purpose)) {
                unlistedPurposes.computeIfAbsent(purpose, k -> new ArrayList<>()).add(e);
            }
            if (!e.name().equals("ConsentGranted")) {
                int category = e.intField("dataCategory");
                if (!ropa.retentionDays().containsKey(category)) {
                    noRetention.computeIfAbsent(category, k -> new ArrayList<>()).add(e);
                }
            }
        }
        EvidenceRef document = EvidenceRef.file("ropa", json.path(), f.bundle().sha256());
        unlistedPurposes.forEach((purpose, events) -> out.add(finding(f, "purpose:" + purpose, "Purpose " + purpose
                + " is processed on-chain in " + events.size() + " event(s) but is not in the records of processing",
                objects("purposeId", purpose, events, json), evidence(events, json, document),
                null, null)));
        noRetention.forEach((category, events) -> out.add(finding(f, "retention:" + category, "Data category "
                + category + " is processed on-chain in " + events.size() + " event(s) without a retention period "
                + "in the records of processing", objects("dataCategory", category, events, json),
                evidence(events, json, document), null, null)));
    }

    private static Map<String, String> objects(String field, int value, List<ProvenEvent> events,
                                               DocumentCheck ropa) {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put(field, Integer.toString(value));
        objects.put("events", Integer.toString(events.size()));
        objects.put("ropaVersion", Integer.toString(ropa.version()));
        return new TreeMap<>(objects);
    }

    private static List<EvidenceRef> evidence(List<ProvenEvent> events, DocumentCheck ropa, EvidenceRef document) {
        List<EvidenceRef> ev = new ArrayList<>();
        ev.add(EvidenceRef.event("ropaAnchored", ropa.event()));
        ev.add(document);
        events.stream().limit(10).forEach(e -> ev.add(EvidenceRef.event(e.name(), e)));
        return ev;
    }
}
