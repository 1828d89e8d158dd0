package org.custos.consortium.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;
import org.web3j.crypto.Credentials;

/** A clinic while its history is being planned: profile, keys, and everything planned for it so far. */
final class ClinicState {

    /** A granted consent: who, for which purpose, when; revokedAt -1 while active. */
    static final class Consent {
        final byte[] consentId;
        final byte[] subject;
        final int patient;
        final int purpose;
        final long grantedAt;
        long revokedAt = -1;

        Consent(byte[] consentId, byte[] subject, int patient, int purpose, long grantedAt) {
            this.consentId = consentId;
            this.subject = subject;
            this.patient = patient;
            this.purpose = purpose;
            this.grantedAt = grantedAt;
        }
    }

    /** A committed clinical record (categories 1..4) and its commitRecord write. */
    record Clinical(int patient, byte[] recordId, int category, long time, Draft commit) {
    }

    /** An appointment record's own key (category 5, short retention) and what became of it. */
    static final class AppointmentKey {
        final byte[] keyId;
        final byte[] recordId;
        final int patient;
        final long committedAt;
        final Draft commit;
        boolean violated;
        Draft destroyedBy;

        AppointmentKey(byte[] keyId, byte[] recordId, int patient, long committedAt, Draft commit) {
            this.keyId = keyId;
            this.recordId = recordId;
            this.patient = patient;
            this.committedAt = committedAt;
            this.commit = commit;
        }

        long retentionEnd() {
            return committedAt + Codes.APPOINTMENT_RETENTION_DAYS * Simulator.DAY;
        }
    }

    /** An honest break-glass access and the anchoring of its review (null when the review is omitted). */
    record Review(Access access, Draft anchor, int version, String path) {
    }

    final int index;
    final byte[] clinicId;
    final Jurisdiction jurisdiction;
    final boolean hipaa;
    final boolean clean;
    final Credentials writer;
    final Credentials kms;
    final Credentials logSigner;
    final byte[] hmacKey;
    final List<Integer> patients = new ArrayList<>();
    /** Patients with a key that may still be picked for erasure (not erased, nothing disclosed). */
    final List<Integer> keyedPatients = new ArrayList<>();
    final Set<Integer> erased = new HashSet<>();
    /** Patients who withdrew their treatment consent (they visit no more). */
    final Set<Integer> withdrawn = new HashSet<>();
    final Map<Integer, byte[]> keyOf = new HashMap<>();
    /** The subject reference the clinic uses for a patient (the keyed pseudonym, or a planted plain hash). */
    final Map<Integer, byte[]> subjectOf = new HashMap<>();
    /** Consents in grant order. */
    final List<Consent> consents = new ArrayList<>();
    /** Per patient, purpose to consent. */
    final Map<Integer, Map<Integer, Consent>> consentOf = new HashMap<>();
    final List<RecordOpening> records = new ArrayList<>();
    final List<Clinical> clinical = new ArrayList<>();
    final List<AppointmentKey> appointmentKeys = new ArrayList<>();
    final List<Access> accesses = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    /** The assembled log as stored in the bundle (after {@link AccessLog#assemble}, then log violations). */
    final List<byte[]> accessLog = new ArrayList<>();
    final List<Draft> checkpoints = new ArrayList<>();
    final List<Long> checkpointTimes = new ArrayList<>();
    /** Anchored tree size and root of each checkpoint (set when the log is assembled). */
    final List<Integer> checkpointSizes = new ArrayList<>();
    final List<byte[]> checkpointRoots = new ArrayList<>();
    final List<SignedTreeHead> treeHeads = new ArrayList<>();
    final List<KmsReceipt> receipts = new ArrayList<>();
    final Map<String, byte[]> documents = new LinkedHashMap<>();

    ClinicState(int index, byte[] clinicId, Jurisdiction jurisdiction, boolean hipaa, boolean clean,
                Credentials writer, Credentials kms, Credentials logSigner, byte[] hmacKey) {
        this.index = index;
        this.clinicId = clinicId;
        this.jurisdiction = jurisdiction;
        this.hipaa = hipaa;
        this.clean = clean;
        this.writer = writer;
        this.kms = kms;
        this.logSigner = logSigner;
        this.hmacKey = hmacKey;
        documents.putAll(Documents.of(index, clinicId, jurisdiction, hipaa));
    }

    /** The subject pseudonym of a patient at this clinic: HMAC-SHA-256(clinic key, "subject/" + patient). */
    byte[] pseudonym(int patient) {
        return KeyedHash.hmacSha256(hmacKey, ("subject/" + patient).getBytes(StandardCharsets.UTF_8));
    }

    /** The subject reference this clinic writes for the patient. */
    byte[] subject(int patient) {
        byte[] subject = subjectOf.get(patient);
        return subject != null ? subject : pseudonym(patient);
    }

    /** The patient's consent for a purpose, or null. */
    Consent consent(int patient, int purpose) {
        return consentOf.getOrDefault(patient, Map.of()).get(purpose);
    }

    /** A patient whose data may be read honestly: not erased, not withdrawn. */
    boolean active(int patient) {
        return !erased.contains(patient) && !withdrawn.contains(patient);
    }

    /** Clinical records of active patients committed before t. */
    List<Clinical> activeRecordsBefore(long t) {
        return clinical.stream().filter(r -> r.time() < t && active(r.patient())).toList();
    }

    /** The patient's latest clinical record before t, or null. */
    Clinical latestRecord(int patient, long t) {
        Clinical latest = null;
        for (Clinical record : clinical) {
            if (record.patient() == patient && record.time() < t) {
                latest = record;
            }
        }
        return latest;
    }

    Access access(long time, int actor, int role, byte[] subject, byte[] recordId, int purpose, int category,
                  byte[] consentId, boolean breakGlass, boolean named) {
        Access access = new Access(time, accesses.size(), actor, role, subject, recordId, purpose, category,
                consentId, breakGlass, named);
        accesses.add(access);
        return access;
    }

    SimulatedClinic toClinic() {
        return new SimulatedClinic(clinicId, jurisdiction, hipaa, writer, kms, logSigner, hmacKey,
                records, accessLog, receipts, consentResources(), documents, treeHeads, identifiers());
    }

    /**
     * The identifiers the clinic lists for the plain-hash check: for each of its patients (ascending), the MRN and
     * the e-mail address. Deterministic, no random draw: adding the list changes no other choice of the plan.
     */
    private List<String> identifiers() {
        List<String> identifiers = new ArrayList<>();
        for (int patient : patients.stream().sorted().toList()) {
            identifiers.add(Simulator.mrn(index, patient));
            identifiers.add(Simulator.email(index, patient));
        }
        return identifiers;
    }

    private List<byte[]> consentResources() {
        List<byte[]> resources = new ArrayList<>();
        byte[] policy = Simulator.sha256(documents.get(Documents.CONSENT_POLICY));
        for (Consent consent : consents) {
            resources.add(FhirEvidence.consent(consent.consentId, consent.subject, consent.purpose, policy,
                    consent.grantedAt, consent.revokedAt));
        }
        return resources;
    }
}
