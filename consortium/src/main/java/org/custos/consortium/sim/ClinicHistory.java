package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.DAY;
import static org.custos.consortium.sim.Simulator.HOUR;
import static org.custos.consortium.sim.Simulator.bytes;
import static org.custos.consortium.sim.Simulator.concat;
import static org.custos.consortium.sim.Simulator.email;
import static org.custos.consortium.sim.Simulator.hex;
import static org.custos.consortium.sim.Simulator.mrn;
import static org.custos.consortium.sim.Simulator.sha256;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.ClinicState.AppointmentKey;
import org.custos.consortium.sim.ClinicState.Clinical;
import org.custos.consortium.sim.ClinicState.Consent;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;

/**
 * A clinic's care history: visits (first visit: the patient's key and consents for treatment and payment; each
 * visit: a clinical record and an appointment record under its own short-retention key, with their access-log
 * entries, sometimes a disclosure), the monthly consent revocation and disclosure. Plants
 * {@code PLAIN_HASH_ON_CHAIN}, {@code CLEARTEXT_PII_ON_CHAIN} and {@code DISCLOSURE_INCOMPLETE}; calls
 * {@link CareViolations} for the access after a revocation and {@link Retention} for the appointment keys.
 */
final class ClinicHistory {

    private final Planner planner;
    private final SplittableRandom random;

    ClinicHistory(Planner planner) {
        this.planner = planner;
        this.random = planner.random;
    }

    /** Each active patient visits with probability 2/5 at a random time in the month's first 20 days. */
    void visits(ClinicState clinic, int month, long start) {
        for (int patient : clinic.patients) {
            if (!clinic.active(patient)) {
                continue;
            }
            if (random.nextInt(5) < 2) {
                long t = start + HOUR + random.nextLong(20 * DAY);
                visit(clinic, patient, month, t);
            }
        }
    }

    private void visit(ClinicState clinic, int patient, int month, long t) {
        if (!clinic.keyOf.containsKey(patient)) {
            firstVisit(clinic, patient, t);
        }
        byte[] subject = clinic.subject(patient);
        int category = Codes.CATEGORIES[random.nextInt(Codes.CATEGORIES.length)];
        RecordOpening record = record(clinic, "visit;clinic=" + clinic.index + ";patient=" + patient + ";month="
                + month + ";category=" + category + ";note=" + Long.toHexString(random.nextLong()) + ";");
        Draft commit = planner.add(clinic.index, Target.RECORDS, Calls.commitRecord(clinic.clinicId,
                record.recordId(), record.commitment(), Codes.SCHEME_HMAC_SHA256, clinic.keyOf.get(patient),
                Codes.PURPOSE_TREATMENT, Codes.BASIS_EXPLICIT_CONSENT, category), t + 2);
        clinic.clinical.add(new Clinical(patient, record.recordId(), category, t + 2, commit));

        byte[] appointmentKey = bytes(random);
        RecordOpening appointment = record(clinic, "appointment;clinic=" + clinic.index + ";patient=" + patient
                + ";month=" + month + ";slot=" + Long.toHexString(random.nextLong()) + ";");
        planner.add(clinic.index, Target.RECORDS, Calls.registerKey(clinic.clinicId, appointmentKey, subject,
                KeyedHash.hmacSha256(clinic.hmacKey, concat("key/", appointmentKey))), t + 2);
        Draft appointmentCommit = planner.add(clinic.index, Target.RECORDS, Calls.commitRecord(clinic.clinicId,
                appointment.recordId(), appointment.commitment(), Codes.SCHEME_HMAC_SHA256, appointmentKey,
                Codes.PURPOSE_TREATMENT, Codes.BASIS_EXPLICIT_CONSENT, Codes.CATEGORY_APPOINTMENT), t + 2);
        AppointmentKey key = new AppointmentKey(appointmentKey, appointment.recordId(), patient, t + 2,
                appointmentCommit);
        clinic.appointmentKeys.add(key);

        clinic.access(t + 3, random.nextInt(20), Codes.RECEPTION, subject, appointment.recordId(),
                Codes.ROLE_PURPOSE[Codes.RECEPTION], Codes.CATEGORY_APPOINTMENT,
                clinic.consent(patient, Codes.PURPOSE_TREATMENT).consentId, false, false);
        int[] roles = Codes.rolesAllowed(category);
        int accesses = 1 + random.nextInt(3);
        for (int i = 0; i < accesses; i++) {
            int role = roles[random.nextInt(roles.length)];
            int purpose = Codes.ROLE_PURPOSE[role];
            clinic.access(t + 60L * (i + 1), random.nextInt(20), role, subject, record.recordId(), purpose,
                    category, clinic.consent(patient, purpose).consentId, false, false);
        }
        if (random.nextInt(10) == 0) {
            // a disclosed subject is not picked for erasure: its recipients would need an Art 19 notice
            // (GDPR-ER-04), which the contracts cannot record yet
            clinic.keyedPatients.remove(Integer.valueOf(patient));
            planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.recordDisclosure(clinic.clinicId, bytes(random),
                    subject, bytes(random), Codes.PURPOSE_PAYMENT, category), t + 3);
        }
    }

    /** The patient's key and consents for treatment and payment (the subject may be a planted plain hash). */
    private void firstVisit(ClinicState clinic, int patient, long t) {
        boolean plain = planner.plant(clinic, Violation.PLAIN_HASH_ON_CHAIN, true);
        byte[] subject = plain ? sha256(mrn(clinic.index, patient).getBytes(StandardCharsets.UTF_8))
                : clinic.pseudonym(patient);
        clinic.subjectOf.put(patient, subject);
        byte[] keyId = bytes(random);
        clinic.keyOf.put(patient, keyId);
        clinic.keyedPatients.add(patient);
        planner.add(clinic.index, Target.RECORDS, Calls.registerKey(clinic.clinicId, keyId, subject,
                KeyedHash.hmacSha256(clinic.hmacKey, concat("key/", keyId))), t);
        byte[] policy = sha256(clinic.documents.get(Documents.CONSENT_POLICY));
        Map<Integer, Consent> byPurpose = new HashMap<>();
        Draft treatment = null;
        for (int purpose : new int[] {Codes.PURPOSE_TREATMENT, Codes.PURPOSE_PAYMENT}) {
            Consent consent = new Consent(bytes(random), subject, patient, purpose, t + 1);
            Draft grant = planner.add(clinic.index, Target.RECORDS, Calls.grantConsent(clinic.clinicId,
                    consent.consentId, subject, purpose, policy, 0), t + 1);
            treatment = treatment == null ? grant : treatment;
            clinic.consents.add(consent);
            byPurpose.put(purpose, consent);
        }
        clinic.consentOf.put(patient, byPurpose);
        if (plain) {
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("consentId", hex(byPurpose.get(Codes.PURPOSE_TREATMENT).consentId));
            objects.put("identifier", mrn(clinic.index, patient));
            objects.put("plainHash", hex(subject));
            planner.violations.add(new DraftViolation(Violation.PLAIN_HASH_ON_CHAIN, clinic.index, objects,
                    List.of("consentGranted"), List.of(treatment), null, 0, -1, null));
        }
    }

    private RecordOpening record(ClinicState clinic, String plaintext) {
        byte[] text = plaintext.getBytes(StandardCharsets.UTF_8);
        RecordOpening record = new RecordOpening(bytes(random), text, KeyedHash.hmacSha256(clinic.hmacKey, text));
        clinic.records.add(record);
        return record;
    }

    /** The month's disclosure opportunity: a disclosure for a random patient, to a recipient, for payment. */
    void disclosure(ClinicState clinic, long t) {
        boolean cleartext = planner.plant(clinic, Violation.CLEARTEXT_PII_ON_CHAIN,
                clinic.jurisdiction == Jurisdiction.EU);
        boolean incomplete = planner.plant(clinic, Violation.DISCLOSURE_INCOMPLETE, clinic.hipaa);
        if (clinic.patients.isEmpty()) {
            return;
        }
        int patient = clinic.patients.get(random.nextInt(clinic.patients.size()));
        clinic.keyedPatients.remove(Integer.valueOf(patient));
        byte[] disclosureId = bytes(random);
        byte[] recipientId = bytes(random);
        int purpose = Codes.PURPOSE_PAYMENT;
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("disclosureId", hex(disclosureId));
        if (cleartext) {
            String email = email(clinic.index, patient);
            recipientId = new byte[32];
            byte[] ascii = email.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ascii, 0, recipientId, 0, ascii.length);
            objects.put("field", "recipientId");
            objects.put("cleartext", email);
        } else if (incomplete) {
            recipientId = new byte[32];
            purpose = 0;
            objects.put("missing", "recipientId,purposeId");
        }
        Draft write = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.recordDisclosure(clinic.clinicId,
                disclosureId, clinic.subject(patient), recipientId, purpose, Codes.CATEGORY_LAB_RESULT), t);
        if (cleartext || incomplete) {
            planner.violations.add(new DraftViolation(cleartext ? Violation.CLEARTEXT_PII_ON_CHAIN
                    : Violation.DISCLOSURE_INCOMPLETE, clinic.index, objects, List.of("disclosureRecorded"),
                    List.of(write), null, 0, -1, null));
        }
    }

    /**
     * A random active patient withdraws the treatment consent (and visits no more; every third month); the
     * {@code ACCESS_AFTER_REVOCATION} opportunity follows.
     */
    void revokeSomeConsent(ClinicState clinic, long t) {
        List<Consent> active = clinic.consents.stream().filter(c -> c.purpose == Codes.PURPOSE_TREATMENT
                && c.revokedAt < 0 && clinic.active(c.patient)).toList();
        if (!active.isEmpty()) {
            Consent consent = active.get(random.nextInt(active.size()));
            consent.revokedAt = t;
            clinic.withdrawn.add(consent.patient);
            clinic.keyedPatients.remove(Integer.valueOf(consent.patient)); // erasure candidates never withdrew
            Draft revoke = planner.add(clinic.index, Target.RECORDS, Calls.revokeConsent(clinic.clinicId,
                    consent.consentId, consent.subject, consent.purpose), t);
            planner.care.afterRevocation(clinic, consent, revoke);
        }
    }
}
