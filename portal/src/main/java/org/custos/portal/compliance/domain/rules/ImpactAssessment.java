package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.TimeWords;
import org.custos.portal.evidence.domain.BundleVerification.DocumentCheck;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * GDPR-DPIA-01: Art 35(1) "prior to the processing": a DPIA ({@code DocumentAnchored} docType 2) is anchored before
 * the clinic's first processing ({@code RecordCommitted}) in chain order (block, then log index: an anchor in the
 * same block but earlier in it counts as before). Once processing has begun, none anchored or one anchored only
 * later is a finding (deadline: the first processing's block time). With a verified bundle, each anchored DPIA
 * version must be in it (a document with the anchored SHA-256), else a finding per version. Whether the DPIA covers
 * the blockchain specifics and is reviewed after material changes is free text and configuration: not decided
 * (docs/rules.md).
 */
public final class ImpactAssessment extends CatalogueRule {

    public static final int DOC_DPIA = EventVocabulary.DocType.DPIA;

    public ImpactAssessment() {
        super("GDPR-DPIA-01", 1, "GDPR Art 35(1), 35(3)(b)", Severity.S2, Scope.GDPR, false);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        List<ProvenEvent> processing = f.events("RecordCommitted");
        if (processing.isEmpty()) {
            return;
        }
        ProvenEvent first = processing.get(0);
        ProvenEvent dpia = null;
        for (ProvenEvent d : f.events("DocumentAnchored")) {
            if (d.intField("docType") == DOC_DPIA) {
                dpia = d;
                break;
            }
        }
        if (dpia == null || dpia.id() > first.id()) {
            Map<String, String> objects = new TreeMap<>();
            objects.put("firstProcessing", first.field("recordId"));
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("recordCommitted", first)));
            if (dpia != null) {
                objects.put("dpiaVersion", dpia.field("version"));
                ev.add(EvidenceRef.event("dpiaAnchored", dpia));
            }
            out.add(finding(f, "dpia", dpia == null ? "No DPIA anchored, processing began " + TimeWords.of(first.time())
                    : "DPIA anchored after processing began", objects, ev, first.time(),
                    dpia == null ? null : dpia.time()));
        }
        if (f.hasBundle()) {
            for (DocumentCheck d : f.verification().documents()) {
                if (d.docType() == DOC_DPIA && !d.found()) {
                    Map<String, String> objects = new TreeMap<>();
                    objects.put("docHash", d.docHash());
                    objects.put("version", Integer.toString(d.version()));
                    out.add(finding(f, "dpia-document:" + d.docHash(), "Anchored DPIA version " + d.version()
                            + " is not in the evidence bundle", objects, List.of(EvidenceRef.event("dpiaAnchored",
                            d.event())), null, null));
                }
            }
        }
    }
}
