package org.custos.portal.compliance.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * One disclosure of an accounting (45 CFR 164.528(b); GDPR Art 15(1)(c)) as FHIR R4: an AuditEvent of type
 * {@code disclosure} (ISO 21089 lifecycle {@code disclose} as subtype) dated by the block time, with the clinic
 * that disclosed and the recipient as agents, the purpose as purposeOfEvent, the data subject (pseudonym) and the
 * disclosure record as entities; then a Provenance pointing at the proven log (docs/exports.md).
 */
public final class DisclosureFhir {

    private DisclosureFhir() {
    }

    public static List<FhirEntry> entries(ExportedDisclosure d, ChainRef chain, PortalLinks links) {
        return entries(d, chain, links, ClinicDirectory.empty(), RecipientNames.none());
    }

    /**
     * With names: the clinic agent's display is the clinic's name and id; the recipient's is a consortium clinic's
     * name and id, else "unregistered recipient" and the id (the identifier stays the on-chain id either way).
     */
    public static List<FhirEntry> entries(ExportedDisclosure d, ChainRef chain, PortalLinks links,
                                          ClinicDirectory clinics, RecipientNames recipients) {
        String auditUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(("custos-disclosure:" + d.eventId())
                .getBytes(StandardCharsets.UTF_8));
        String provUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(("custos-disclosure-proof:" + d.eventId())
                .getBytes(StandardCharsets.UTF_8));
        return List.of(new FhirEntry(auditUrl, auditEvent(d, links, clinics, recipients)), new FhirEntry(provUrl,
                ProofProvenance.ledgerLog(auditUrl, d.clinicId(), chain, new ProofProvenance.LogProof(
                        "disclosureRecorded", d.block(), d.blockHash(), d.txHash(), d.txIndex(), d.logIndex(),
                        d.receiptsRoot(), d.time()), d.time())));
    }

    static AuditEvent auditEvent(ExportedDisclosure d, PortalLinks links) {
        return auditEvent(d, links, ClinicDirectory.empty(), RecipientNames.none());
    }

    static AuditEvent auditEvent(ExportedDisclosure d, PortalLinks links, ClinicDirectory clinics,
                                 RecipientNames recipients) {
        AuditEvent a = new AuditEvent();
        a.setType(new Coding(FhirSystems.EVENT_TYPE, "disclosure", "Disclosure of health information"));
        a.addSubtype(new Coding(FhirSystems.LIFECYCLE, "disclose", "Disclose"));
        a.setPeriod(new Period().setStartElement(FhirTimes.dateTime(d.time())));
        a.setRecordedElement(FhirTimes.instant(d.time()));
        a.setOutcome(AuditEvent.AuditEventOutcome._0);
        CodeableConcept purpose = new CodeableConcept().setText(ConsortiumCodes.purpose(d.purposeId()));
        String actReason = ConsortiumCodes.purposeActReason(d.purposeId());
        if (actReason != null) {
            purpose.addCoding(new Coding(FhirSystems.ACT_REASON, actReason, ConsortiumCodes.purpose(d.purposeId())));
        }
        purpose.addCoding(new Coding(FhirSystems.PURPOSE, Integer.toString(d.purposeId()),
                ConsortiumCodes.purpose(d.purposeId())));
        a.addPurposeOfEvent(purpose);
        a.addAgent().setRequestor(true)
                .setType(new CodeableConcept(new Coding(FhirSystems.PARTICIPATION, "CST", "custodian")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.CLINIC)
                        .setValue(d.clinicId())).setDisplay("clinic " + clinics.nameWithId(d.clinicId())));
        a.addAgent().setRequestor(false)
                .setType(new CodeableConcept(new Coding(FhirSystems.PARTICIPATION, "IRCP", "information recipient")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.RECIPIENT)
                        .setValue(d.recipientId())).setDisplay(recipients.registered(d.recipientId())
                        ? "recipient " + recipients.name(d.recipientId()) + " (" + d.recipientId() + ")"
                        : RecipientNames.UNREGISTERED + " " + d.recipientId()));
        a.getSource().setSite("consortium ledger, AccountabilityRegistry")
                .setObserver(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.CLINIC)
                        .setValue(d.clinicId())).setDisplay("the clinic's ledger writer"))
                .addType(new Coding(FhirSystems.SOURCE_TYPE, "4", "Application Server"));
        a.addEntity()
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.SUBJECT)
                        .setValue(d.subject())).setDisplay("data subject (pseudonym)"))
                .setType(new Coding(FhirSystems.ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(FhirSystems.OBJECT_ROLE, "1", "Patient"));
        AuditEvent.AuditEventEntityComponent record = a.addEntity()
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.DISCLOSURE)
                        .setValue(d.disclosureId())).setDisplay("disclosure record"))
                .setType(new Coding(FhirSystems.ENTITY_TYPE, "2", "System Object"))
                .addSecurityLabel(new Coding(FhirSystems.DATA_CATEGORY, Integer.toString(d.dataCategory()),
                        ConsortiumCodes.dataCategory(d.dataCategory())));
        record.addDetail().setType("dataCategory").setValue(new StringType(d.dataCategory() + " "
                + ConsortiumCodes.dataCategory(d.dataCategory())));
        record.addDetail().setType("event").setValue(new StringType(links.event(d.eventId())));
        return a;
    }
}
