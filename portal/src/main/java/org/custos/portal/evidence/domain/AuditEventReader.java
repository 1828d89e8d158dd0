package org.custos.portal.evidence.domain;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Parses and validates the FHIR R4 resources of a bundle with HAPI FHIR (strict parser: unknown elements, bad
 * values and malformed JSON are errors) and checks what the rules rely on against docs/evidence-bundle.md: an
 * AuditEvent entry must be {@code access-NNNNNN} with its own index, of the audited clinic, with a recorded time,
 * exactly one consortium purpose, a staff role and member, a subject pseudonym, a record id with its data category,
 * an optional consent id and the break-glass flag. Not thread-safe (one parser per reader).
 */
public final class AuditEventReader {

    static final String ROLE_SYSTEM = "urn:custos:staff-role";
    static final String SUBJECT_SYSTEM = "urn:custos:subject-pseudonym";
    static final String RECORD_SYSTEM = "urn:custos:record-id";
    static final String CONSENT_SYSTEM = "urn:custos:consent-id";
    static final String CLINIC_SYSTEM = "urn:custos:clinic-id";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String BREAK_GLASS_URL = "urn:custos:fhir:StructureDefinition/break-glass";
    static final String CATEGORY_URL = "urn:custos:fhir:StructureDefinition/data-category";
    private static final Pattern WORD = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern STAFF = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final IParser parser;

    public AuditEventReader() {
        parser = FhirContext.forR4Cached().newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
    }

    /** Parses entry {@code index} into {@code table}; throws {@link BundleRejectedException} (BAD_ENTRY). */
    public void readEntry(int index, byte[] bytes, String clinic, AccessLogTable table) {
        String path = EvidenceBundle.entryPath(index);
        AuditEvent event;
        try {
            event = parser.parseResource(AuditEvent.class, new String(bytes, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw bad(path, "not a valid FHIR R4 AuditEvent: " + e.getMessage());
        } catch (RuntimeException e) {
            throw bad(path, "not a valid FHIR R4 AuditEvent: " + parserFailure(e));
        }
        if (!String.format("access-%06d", index).equals(event.getIdElement().getIdPart())) {
            throw bad(path, "id must be access-" + String.format("%06d", index));
        }
        if (event.getRecorded() == null) {
            throw bad(path, "recorded is missing");
        }
        long recorded = event.getRecorded().toInstant().getEpochSecond();
        int purpose = 0;
        boolean btg = false;
        for (CodeableConcept c : event.getPurposeOfEvent()) {
            for (Coding coding : c.getCoding()) {
                if (!ACT_REASON.equals(coding.getSystem())) {
                    continue;
                }
                int p = switch (String.valueOf(coding.getCode())) {
                    case "TREAT" -> 1;
                    case "HPAYMT" -> 2;
                    case "HOPERAT" -> 3;
                    case "BTG" -> -1;
                    default -> throw bad(path, "unknown purposeOfEvent " + coding.getCode());
                };
                if (p < 0) {
                    btg = true;
                } else if (purpose != 0) {
                    throw bad(path, "more than one purposeOfEvent");
                } else {
                    purpose = p;
                }
            }
        }
        if (purpose == 0) {
            throw bad(path, "no purposeOfEvent TREAT, HPAYMT or HOPERAT");
        }
        Extension glass = single(event.getExtensionsByUrl(BREAK_GLASS_URL));
        if (glass == null || !(glass.getValue() instanceof BooleanType flag) || flag.getValue() == null) {
            throw bad(path, "break-glass extension missing or repeated");
        }
        boolean breakGlass = flag.getValue();
        if (breakGlass != btg) {
            throw bad(path, "break-glass flag and purposeOfEvent BTG disagree");
        }
        if (event.getAgent().size() != 1) {
            throw bad(path, "exactly one agent expected");
        }
        AuditEvent.AuditEventAgentComponent agent = event.getAgentFirstRep();
        String role = null;
        for (CodeableConcept c : agent.getRole()) {
            for (Coding coding : c.getCoding()) {
                if (ROLE_SYSTEM.equals(coding.getSystem())) {
                    role = coding.getCode();
                }
            }
        }
        if (role == null || !STAFF.matcher(role).matches()) {
            throw bad(path, "agent role (" + ROLE_SYSTEM + ") missing");
        }
        String staff = agent.getWho().getIdentifier().getValue();
        if (staff == null || !STAFF.matcher(staff).matches()) {
            throw bad(path, "agent.who identifier missing or malformed");
        }
        Identifier observer = event.getSource().getObserver().getIdentifier();
        if (!CLINIC_SYSTEM.equals(observer.getSystem()) || !clinic.equals(observer.getValue())) {
            throw bad(path, "source.observer is not the bundle's clinic");
        }
        String subject = null;
        String record = null;
        String consent = null;
        int category = 0;
        for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
            Identifier id = entity.getWhat().getIdentifier();
            String value = id.getValue();
            switch (String.valueOf(id.getSystem())) {
                case SUBJECT_SYSTEM -> subject = word(path, "subject", value, subject);
                case RECORD_SYSTEM -> {
                    record = word(path, "record", value, record);
                    Extension ext = single(entity.getExtensionsByUrl(CATEGORY_URL));
                    if (ext == null || ext.getValue() == null) {
                        throw bad(path, "record entity without data category, or with more than one");
                    }
                    try {
                        category = Integer.parseInt(ext.getValue().primitiveValue());
                    } catch (NumberFormatException e) {
                        throw bad(path, "data category is not a number");
                    }
                    if (category < 1 || category > 127) {
                        throw bad(path, "data category out of range");
                    }
                }
                case CONSENT_SYSTEM -> consent = word(path, "consent", value, consent);
                default -> throw bad(path, "unknown entity identifier system " + id.getSystem());
            }
        }
        if (subject == null || record == null) {
            throw bad(path, "subject or record entity missing");
        }
        table.put(index, recorded, role, staff, subject, record, consent, purpose, category, breakGlass);
    }

    /** Validates a bundled FHIR Consent; returns its consent id. */
    public String readConsent(String path, byte[] bytes, String clinic) {
        Consent consent;
        try {
            consent = parser.parseResource(Consent.class, new String(bytes, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw bad(path, "not a valid FHIR R4 Consent: " + e.getMessage());
        } catch (RuntimeException e) {
            throw bad(path, "not a valid FHIR R4 Consent: " + parserFailure(e));
        }
        String id = null;
        for (Identifier identifier : consent.getIdentifier()) {
            if (CONSENT_SYSTEM.equals(identifier.getSystem())) {
                id = word(path, "consent", identifier.getValue(), id);
            }
        }
        if (id == null || consent.getStatus() == null) {
            throw bad(path, "consent id or status missing");
        }
        return id;
    }

    /**
     * The one extension of a URL, or null when there is none or more than one. (HAPI's {@code getExtensionByUrl}
     * throws an IllegalArgumentException on a repeated URL: found by BundleFuzzTest.)
     */
    private static Extension single(java.util.List<Extension> extensions) {
        return extensions.size() == 1 ? extensions.get(0) : null;
    }

    /**
     * HAPI's parser fails on some malformed input with an exception of its own making (a NullPointerException for an
     * extension that is not an object, found by BundleFuzzTest): untrusted bytes the parser cannot read are an
     * invalid entry, never a defect of the upload. The parser's internal message is not shown.
     */
    private static String parserFailure(RuntimeException e) {
        return "the FHIR parser could not read it (" + e.getClass().getSimpleName() + ")";
    }

    private static String word(String path, String what, String value, String previous) {
        if (previous != null) {
            throw bad(path, "more than one " + what + " entity");
        }
        if (value == null || !WORD.matcher(value).matches()) {
            throw bad(path, what + " must be a 32-byte 0x-hex value");
        }
        return value;
    }

    private static BundleRejectedException bad(String path, String why) {
        return new BundleRejectedException(BundleRejectedException.Reason.BAD_ENTRY, path + ": " + why);
    }
}
