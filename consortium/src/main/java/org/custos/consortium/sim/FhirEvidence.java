package org.custos.consortium.sim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Resource;
import org.web3j.utils.Numeric;

/**
 * The clinics' off-chain evidence as FHIR R4 resources (docs/evidence-bundle.md): access-log entries as
 * AuditEvents after IHE Basic Audit Log Patterns (BALP) "PatientRead", consents as Consents. Encoded with HAPI FHIR
 * as compact JSON (no white space, HAPI's fixed element order) in UTF-8; the bytes are what is stored and hashed.
 * Subjects appear only as their keyed pseudonym (never a name or identifier).
 */
public final class FhirEvidence {

    /** The one FHIR context of the module (thread-safe, cached by HAPI). */
    public static final FhirContext FHIR = FhirContext.forR4Cached();

    public static final String BALP_PATIENT_READ =
            "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead";
    public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String BREAK_GLASS_EXTENSION = "urn:custos:fhir:StructureDefinition/break-glass";
    public static final String DATA_CATEGORY_EXTENSION = "urn:custos:fhir:StructureDefinition/data-category";
    public static final String POLICY_SHA256_EXTENSION = "urn:custos:fhir:StructureDefinition/policy-sha256";
    public static final String PSEUDONYM_SYSTEM = "urn:custos:subject-pseudonym";
    public static final String RECORD_SYSTEM = "urn:custos:record-id";
    public static final String CONSENT_SYSTEM = "urn:custos:consent-id";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirEvidence() {
    }

    /** purposeOfUse code (v3 ActReason) of a consortium purposeId. */
    static String purposeCode(int purposeId) {
        return switch (purposeId) {
            case Codes.PURPOSE_TREATMENT -> "TREAT";
            case Codes.PURPOSE_PAYMENT -> "HPAYMT";
            case Codes.PURPOSE_OPERATIONS -> "HOPERAT";
            default -> throw new IllegalArgumentException("purpose " + purposeId);
        };
    }

    /** One access-log entry: a staff member in a role read a record of a (pseudonymous) patient. */
    public static byte[] accessEvent(int seq, byte[] clinicId, int actor, String role, byte[] subject,
                                     byte[] recordId, int purposeId, int dataCategory, byte[] consentId,
                                     long recordedAt, boolean breakGlass) {
        AuditEvent event = new AuditEvent();
        event.setId(String.format("access-%06d", seq));
        event.getMeta().addProfile(BALP_PATIENT_READ);
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                "Restful Operation"));
        event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "read", "read"));
        event.setAction(AuditEvent.AuditEventAction.R);
        event.setRecordedElement(new InstantType(new Date(recordedAt * 1000), TemporalPrecisionEnum.SECOND, UTC));
        event.setOutcome(AuditEvent.AuditEventOutcome._0);
        event.addPurposeOfEvent(new CodeableConcept(new Coding(ACT_REASON, purposeCode(purposeId), null)));
        if (breakGlass) {
            event.addPurposeOfEvent(new CodeableConcept(new Coding(ACT_REASON, "BTG", "break the glass")));
        }
        event.addExtension(BREAK_GLASS_EXTENSION, new BooleanType(breakGlass));
        AuditEvent.AuditEventAgentComponent agent = event.addAgent();
        agent.setType(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user")));
        agent.addRole(new CodeableConcept(new Coding("urn:custos:staff-role", role, null)));
        agent.setWho(new Reference().setIdentifier(new Identifier()
                .setSystem("urn:custos:clinic:" + Numeric.toHexString(clinicId) + ":staff")
                .setValue(String.format("staff-%02d", actor))));
        agent.setRequestor(true);
        event.getSource().setObserver(new Reference().setIdentifier(new Identifier()
                .setSystem("urn:custos:clinic-id").setValue(Numeric.toHexString(clinicId))));
        event.getSource().addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                "Application Server"));
        AuditEvent.AuditEventEntityComponent patient = event.addEntity();
        patient.setWhat(new Reference().setType("Patient").setIdentifier(new Identifier()
                .setSystem(PSEUDONYM_SYSTEM).setValue(Numeric.toHexString(subject))));
        patient.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
        patient.setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        AuditEvent.AuditEventEntityComponent record = event.addEntity();
        record.setWhat(new Reference().setIdentifier(new Identifier()
                .setSystem(RECORD_SYSTEM).setValue(Numeric.toHexString(recordId))));
        record.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        record.setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
        record.addExtension(DATA_CATEGORY_EXTENSION, new StringType(Integer.toString(dataCategory)));
        if (consentId != null) {
            AuditEvent.AuditEventEntityComponent consent = event.addEntity();
            consent.setWhat(new Reference().setType("Consent").setIdentifier(new Identifier()
                    .setSystem(CONSENT_SYSTEM).setValue(Numeric.toHexString(consentId))));
            consent.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                    "System Object"));
        }
        return encode(event);
    }

    /** A consent as granted on-chain; {@code revokedAt} < 0 while not revoked (status active, else inactive). */
    public static byte[] consent(byte[] consentId, byte[] subject, int purposeId, byte[] policySha256,
                                 long grantedAt, long revokedAt) {
        Consent consent = new Consent();
        consent.setId(Numeric.cleanHexPrefix(Numeric.toHexString(consentId)));
        consent.addIdentifier(new Identifier().setSystem(CONSENT_SYSTEM).setValue(Numeric.toHexString(consentId)));
        consent.setStatus(revokedAt < 0 ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        consent.setPatient(new Reference().setType("Patient").setIdentifier(new Identifier()
                .setSystem(PSEUDONYM_SYSTEM).setValue(Numeric.toHexString(subject))));
        consent.setDateTimeElement(new DateTimeType(new Date(grantedAt * 1000), TemporalPrecisionEnum.SECOND, UTC));
        consent.addPolicy().setUri("documents/consent-policy-v1.md");
        consent.addExtension(POLICY_SHA256_EXTENSION, new StringType(Numeric.toHexString(policySha256)));
        Consent.ProvisionComponent provision = consent.getProvision();
        provision.setType(Consent.ConsentProvisionType.PERMIT);
        Period period = new Period().setStartElement(
                new DateTimeType(new Date(grantedAt * 1000), TemporalPrecisionEnum.SECOND, UTC));
        if (revokedAt >= 0) {
            period.setEndElement(new DateTimeType(new Date(revokedAt * 1000), TemporalPrecisionEnum.SECOND, UTC));
        }
        provision.setPeriod(period);
        provision.addPurpose(new Coding(ACT_REASON, purposeCode(purposeId), null));
        return encode(consent);
    }

    static byte[] encode(Resource resource) {
        IParser parser = FHIR.newJsonParser().setPrettyPrint(false);
        return parser.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses JSON bytes of a resource (for tests and verification). */
    public static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(Class<T> type, byte[] json) {
        return FHIR.newJsonParser().parseResource(type, new String(json, StandardCharsets.UTF_8));
    }
}
