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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;
import org.custos.verify.merkle.MerkleTree;

/**
 * A clinic's care history: visits (first visit: key and consent; each visit: a record commitment and its
 * access-log entries, sometimes a disclosure), the monthly consent revocation and disclosure. Plants
 * {@code PLAIN_HASH_ON_CHAIN}, {@code CLEARTEXT_PII_ON_CHAIN} and {@code DISCLOSURE_INCOMPLETE}.
 */
final class ClinicHistory {

    private final Planner planner;
    private final SplittableRandom random;

    ClinicHistory(Planner planner) {
        this.planner = planner;
        this.random = planner.random;
    }

    /** Each patient not erased visits with probability 2/5 at a random time in the month's first 20 days. */
    void visits(ClinicState clinic, int month, long start) {
        for (int patient : clinic.patients) {
            if (clinic.erased.contains(patient)) {
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
            byte[] keyId = bytes(random);
            clinic.keyOf.put(patient, keyId);
            clinic.keyedPatients.add(patient);
            planner.add(clinic.index, Target.RECORDS, Calls.registerKey(clinic.clinicId, keyId,
                    clinic.pseudonym(patient), KeyedHash.hmacSha256(clinic.hmacKey, concat("key/", keyId))), t);
            byte[] consentId = bytes(random);
            byte[] subject = clinic.pseudonym(patient);
            boolean plain = planner.plant(clinic, Violation.PLAIN_HASH_ON_CHAIN, true);
            if (plain) {
                subject = sha256(mrn(clinic.index, patient).getBytes(StandardCharsets.UTF_8));
            }
            Draft consent = planner.add(clinic.index, Target.RECORDS, Calls.grantConsent(clinic.clinicId, consentId,
                    subject, Codes.PURPOSE_TREATMENT, sha256(clinic.documents.get(Documents.CONSENT_POLICY)), 0),
                    t + 1);
            clinic.consents.add(new Object[] {consentId, subject, patient});
            clinic.consentOf.put(patient, consentId);
            clinic.consentRecords.add(new long[] {t + 1, -1});
            clinic.consentData.add(new Object[] {consentId, subject});
            if (plain) {
                Map<String, String> objects = new LinkedHashMap<>();
                objects.put("consentId", hex(consentId));
                objects.put("identifier", mrn(clinic.index, patient));
                objects.put("plainHash", hex(subject));
                planner.violations.add(new DraftViolation(Violation.PLAIN_HASH_ON_CHAIN, clinic.index, objects,
                        List.of("consentGranted"), List.of(consent), null, 0, -1, null));
            }
        }
        int category = Codes.CATEGORIES[random.nextInt(Codes.CATEGORIES.length)];
        String plaintext = "visit;clinic=" + clinic.index + ";patient=" + patient + ";month=" + month
                + ";category=" + category + ";note=" + Long.toHexString(random.nextLong()) + ";";
        byte[] text = plaintext.getBytes(StandardCharsets.UTF_8);
        RecordOpening record = new RecordOpening(bytes(random), text, KeyedHash.hmacSha256(clinic.hmacKey, text));
        clinic.records.add(record);
        planner.add(clinic.index, Target.RECORDS, Calls.commitRecord(clinic.clinicId, record.recordId(),
                record.commitment(), Codes.SCHEME_HMAC_SHA256, clinic.keyOf.get(patient),
                Codes.PURPOSE_TREATMENT, Codes.BASIS_CONTRACT_HEALTH_CARE, category), t + 2);
        logAccesses(clinic, patient, record, category, t + 3);
        if (random.nextInt(10) == 0) {
            // a disclosed subject is not picked for erasure: its recipients would need an Art 19 notice
            // (GDPR-ER-04), which the contracts cannot record yet
            clinic.keyedPatients.remove(Integer.valueOf(patient));
            planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.recordDisclosure(clinic.clinicId, bytes(random),
                    clinic.pseudonym(patient), bytes(random), Codes.PURPOSE_PAYMENT, category), t + 3);
        }
    }

    private void logAccesses(ClinicState clinic, int patient, RecordOpening record, int category, long t) {
        byte[] subject = clinic.pseudonym(patient);
        int accesses = 1 + random.nextInt(3);
        for (int i = 0; i < accesses; i++) {
            int role = random.nextInt(Codes.ROLES.length);
            int actor = random.nextInt(20);
            byte[] bytes = FhirEvidence.accessEvent(clinic.accessLog.size(), clinic.clinicId, actor,
                    Codes.ROLES[role], subject, record.recordId(), Codes.ROLE_PURPOSE[role], category,
                    clinic.consentOf.get(patient), t + 60L * i, false);
            clinic.accessLog.add(bytes);
            clinic.leafHashes.add(MerkleTree.leafHash(bytes));
        }
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
                disclosureId, clinic.pseudonym(patient), recipientId, purpose, Codes.CATEGORY_LAB_RESULT), t);
        if (cleartext || incomplete) {
            planner.violations.add(new DraftViolation(cleartext ? Violation.CLEARTEXT_PII_ON_CHAIN
                    : Violation.DISCLOSURE_INCOMPLETE, clinic.index, objects, List.of("disclosureRecorded"),
                    List.of(write), null, 0, -1, null));
        }
    }

    /** With probability 1/3, a random active consent is revoked. */
    void revokeSomeConsent(ClinicState clinic, long t) {
        if (!clinic.consents.isEmpty() && random.nextInt(3) == 0) {
            Object[] consent = clinic.consents.remove(random.nextInt(clinic.consents.size()));
            for (int i = 0; i < clinic.consentData.size(); i++) {
                if (clinic.consentData.get(i)[0] == consent[0]) {
                    clinic.consentRecords.get(i)[1] = t;
                }
            }
            planner.add(clinic.index, Target.RECORDS, Calls.revokeConsent(clinic.clinicId, (byte[]) consent[0],
                    (byte[]) consent[1], Codes.PURPOSE_TREATMENT), t);
        }
    }
}
