package org.custos.portal.compliance.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * A finding as FHIR R4: one AuditEvent (the compliance finding: the rule as subtype and as an entity, the
 * finding itself as an entity with its status and deadlines, the audited clinic as agent, severity as outcome),
 * then one Provenance per proof whose target is that AuditEvent (docs/exports.md). The AuditEvent's
 * {@code urn:uuid} is derived from the finding key, so the same finding keeps its address across exports.
 */
public final class FindingFhir {

    private FindingFhir() {
    }

    public static List<FhirEntry> entries(ExportedFinding f, ChainRef chain, PortalLinks links) {
        return entries(f, chain, links, ClinicDirectory.empty());
    }

    /** With the clinic's name in the audited clinic's display (the identifier stays the on-chain id). */
    public static List<FhirEntry> entries(ExportedFinding f, ChainRef chain, PortalLinks links,
                                          ClinicDirectory clinics) {
        String auditUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(("custos-finding:" + f.key())
                .getBytes(StandardCharsets.UTF_8));
        List<FhirEntry> entries = new ArrayList<>();
        entries.add(new FhirEntry(auditUrl, auditEvent(f, links, clinics)));
        int n = 0;
        for (ExportedFinding.Proof p : f.proofs()) {
            String url = "urn:uuid:" + UUID.nameUUIDFromBytes(("custos-finding-proof:" + n++ + ":" + f.key())
                    .getBytes(StandardCharsets.UTF_8));
            entries.add(new FhirEntry(url, provenance(auditUrl, f, p, chain)));
        }
        return entries;
    }

    static AuditEvent auditEvent(ExportedFinding f, PortalLinks links) {
        return auditEvent(f, links, ClinicDirectory.empty());
    }

    static AuditEvent auditEvent(ExportedFinding f, PortalLinks links, ClinicDirectory clinics) {
        AuditEvent a = new AuditEvent();
        a.setType(new Coding(FhirSystems.EVENT_TYPE, "compliance-finding", "Compliance finding"));
        a.addSubtype(new Coding(FhirSystems.RULE_CODES, f.ruleId(), f.legalSource())
                .setVersion(Integer.toString(f.ruleVersion())));
        a.setAction(AuditEvent.AuditEventAction.E);
        a.setPeriod(new Period().setStartElement(FhirTimes.dateTime(f.firstSeen()))
                .setEndElement(FhirTimes.dateTime(f.lastSeen())));
        a.setRecordedElement(FhirTimes.instant(f.lastSeen()));
        a.setOutcome(outcome(f));
        a.setOutcomeDesc(f.summary());
        a.addAgent().setRequestor(false)
                .setType(new org.hl7.fhir.r4.model.CodeableConcept().setText("audited clinic"))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.CLINIC)
                        .setValue(f.clinicId())).setDisplay("clinic " + clinics.nameWithId(f.clinicId())));
        a.getSource().setSite("Custos compliance portal")
                .setObserver(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.SYSTEM)
                        .setValue("custos-portal")).setDisplay("Custos rules engine"))
                .addType(new Coding(FhirSystems.SOURCE_TYPE, "4", "Application Server"));

        AuditEvent.AuditEventEntityComponent finding = a.addEntity()
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.FINDING)
                        .setValue(f.key())).setDisplay(f.objectKey()))
                .setType(new Coding(FhirSystems.ENTITY_TYPE, "2", "System Object"))
                .setName(f.objectKey())
                .setDescription(f.summary());
        detail(finding, "severity", f.severity().name());
        detail(finding, "status", f.status().name());
        detail(finding, "statusReason", f.statusReason());
        detail(finding, "statusChangedBy", f.statusChangedBy());
        detail(finding, "statusChangedAt", time(f.statusChangedAt()));
        detail(finding, "current", Boolean.toString(f.current()));
        detail(finding, "firstSeen", time(f.firstSeen()));
        detail(finding, "lastSeen", time(f.lastSeen()));
        detail(finding, "deadline", time(f.deadline()));
        detail(finding, "actual", time(f.actual()));
        for (Map.Entry<String, String> o : f.objects().entrySet()) {
            detail(finding, "object:" + o.getKey(), EventVocabulary.display(o.getKey(), o.getValue()));
        }
        detail(finding, "page", links.finding(f.key()));
        finding.addSecurityLabel(new Coding(FhirSystems.SEVERITY, f.severity().name(), null));

        AuditEvent.AuditEventEntityComponent rule = a.addEntity()
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.RULE)
                        .setValue(f.ruleId())).setDisplay(f.ruleId() + " v" + f.ruleVersion()))
                .setType(new Coding(FhirSystems.ENTITY_TYPE, "4", "Other"))
                .setName(f.ruleId())
                .setDescription(f.legalSource());
        detail(rule, "version", Integer.toString(f.ruleVersion()));
        detail(rule, "legalSource", f.legalSource());
        return a;
    }

    /** S1 → major failure (12), S2 → serious failure (8), S3 and S4 → minor failure (4). */
    static AuditEvent.AuditEventOutcome outcome(ExportedFinding f) {
        return switch (f.severity()) {
            case S1 -> AuditEvent.AuditEventOutcome._12;
            case S2 -> AuditEvent.AuditEventOutcome._8;
            case S3, S4 -> AuditEvent.AuditEventOutcome._4;
        };
    }

    private static org.hl7.fhir.r4.model.Provenance provenance(String target, ExportedFinding f,
                                                               ExportedFinding.Proof p, ChainRef chain) {
        EvidenceRef r = p.ref();
        if (p.isEvent()) {
            Instant time = r.time() == null ? null : Instant.parse(r.time());
            return ProofProvenance.ledgerLog(target, f.clinicId(), chain, new ProofProvenance.LogProof(r.role(),
                    r.block(), p.blockHash(), r.txHash(), null, r.logIndex(), r.receiptsRoot(), time),
                    time == null ? f.lastSeen() : time);
        }
        return ProofProvenance.bundleFile(target, f.clinicId(), r.role(), r.path(), r.bundleSha256(), r.treeSize(),
                r.anchoredRoot(), r.inclusionPath() == null ? List.of() : r.inclusionPath(), r.inclusionVerified(),
                f.lastSeen());
    }

    private static void detail(AuditEvent.AuditEventEntityComponent entity, String type, String value) {
        if (value != null && !value.isEmpty()) {
            entity.addDetail().setType(type).setValue(new StringType(value));
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
