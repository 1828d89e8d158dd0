package org.custos.portal.compliance.export;

/**
 * The URIs Custos uses in its FHIR exports (docs/exports.md "System URIs"). Custos's own are URNs under
 * {@code urn:custos:}, in the {@code urn:custos:fhir:StructureDefinition/…} form the evidence bundles' access log
 * already uses; the others are HL7 terminology.
 */
public final class FhirSystems {

    // identifier systems
    public static final String FINDING = "urn:custos:finding";
    public static final String RULE = "urn:custos:rule";
    public static final String CLINIC = "urn:custos:clinic";
    public static final String SUBJECT = "urn:custos:subject-pseudonym";
    public static final String RECIPIENT = "urn:custos:recipient";
    public static final String DISCLOSURE = "urn:custos:disclosure";
    public static final String SYSTEM = "urn:custos:system";
    /** A log in a proven receipt: {@code <block number>/<tx hash>/<log index>}. */
    public static final String LEDGER_LOG = "urn:custos:ledger:log";
    /** A file of a verified evidence bundle: {@code <bundle sha256>/<path>} (or the path alone). */
    public static final String BUNDLE_FILE = "urn:custos:bundle:file";

    // code systems
    public static final String EVENT_TYPE = "urn:custos:fhir:CodeSystem/export-event";
    public static final String RULE_CODES = "urn:custos:fhir:CodeSystem/rule";
    public static final String SEVERITY = "urn:custos:fhir:CodeSystem/severity";
    public static final String FINDING_STATUS = "urn:custos:fhir:CodeSystem/finding-status";
    public static final String PROOF_KIND = "urn:custos:fhir:CodeSystem/proof-kind";
    public static final String PURPOSE = "urn:custos:fhir:CodeSystem/purpose";
    public static final String DATA_CATEGORY = "urn:custos:fhir:CodeSystem/data-category";

    // extensions
    public static final String LEDGER_PROOF = "urn:custos:fhir:StructureDefinition/ledger-proof";
    public static final String BUNDLE_PROOF = "urn:custos:fhir:StructureDefinition/bundle-proof";

    // HL7 terminology
    public static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    public static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";

    private FhirSystems() {
    }
}
