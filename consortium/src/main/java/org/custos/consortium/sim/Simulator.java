package org.custos.consortium.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Audience;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.chain.Calls.Outcome;
import org.custos.consortium.chain.Calls.Regime;
import org.custos.consortium.chain.Calls.RequestType;
import org.custos.consortium.chain.Calls.Risk;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;
import org.custos.verify.merkle.MerkleTree;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Plans a consortium history from {@link SimulationParameters}, starting {@link #START} (2025-01-01T00:00:00Z):
 * the admin admits every clinic, each clinic anchors its records of processing and DPIA; then, month by month and
 * clinic by clinic, each patient visits with probability 2/5 (first visit: key registered and consent granted; each
 * visit: a record commitment, one to three access-log entries, sometimes a disclosure), consents are sometimes
 * revoked, data-subject requests (erasure and access) arrive and are answered, a breach occurs every other month,
 * and the month ends with a checkpoint of the clinic's access log. Violations are planted at opportunities of the
 * non-clean clinics at the configured rates. One {@link SplittableRandom} drives every choice, in a fixed order
 * (a violation draw is made whether its kind is on or not): same parameters, same plan.
 *
 * <p>Clinic 0 is in the EU, clinic 1 (if any) a US HIPAA covered entity, the others random. DSR and erasure
 * violations are planted at EU clinics, GDPR breach violations at EU clinics, HIPAA ones at US covered entities.
 */
public final class Simulator {

    /** 2025-01-01T00:00:00Z. */
    public static final long START = 1_735_689_600L;

    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final int DOC_ROPA = 1;
    private static final int DOC_DPIA = 2;

    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private Simulator() {
    }

    public static long monthStart(int month) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(START), ZoneOffset.UTC).plusMonths(month).toEpochSecond();
    }

    /** t plus n calendar months (UTC; end of month clamps, as java.time does). */
    public static long plusMonths(long t, int months) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(t), ZoneOffset.UTC).plusMonths(months).toEpochSecond();
    }

    public static Plan plan(SimulationParameters parameters) {
        return new Planner(parameters).plan();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** A patient's medical record number, the identifier a plain hash would reveal. */
    public static String mrn(int clinic, int patient) {
        return String.format("MRN-%02d-%06d", clinic, patient);
    }

    /** A patient's e-mail address (at most 32 ASCII characters), cleartext personal data. */
    public static String email(int clinic, int patient) {
        return String.format("pat%06d.c%02d@mail.example", patient, clinic);
    }

    /** A write while planning: its intended time and a sequence number breaking ties. */
    private static final class Draft {
        final int clinic;
        final Target target;
        final Function function;
        final long time;
        final int seq;

        Draft(int clinic, Target target, Function function, long time, int seq) {
            this.clinic = clinic;
            this.target = target;
            this.function = function;
            this.time = time;
            this.seq = seq;
        }
    }

    /** A violation while planning: the writes it involves, and how to compute deadline and actual time. */
    private record DraftViolation(Violation kind, int clinic, Map<String, String> objects, List<String> roles,
                                  List<Draft> drafts, Draft deadlineFrom, int deadlineMonths, long fixedDeadline,
                                  Draft actual) {
    }

    private static final class Planner {
        final SimulationParameters parameters;
        final SplittableRandom random;
        final List<ClinicState> clinics = new ArrayList<>();
        final List<Draft> drafts = new ArrayList<>();
        final List<DraftViolation> violations = new ArrayList<>();

        Planner(SimulationParameters parameters) {
            this.parameters = parameters;
            this.random = new SplittableRandom(parameters.seed());
        }

        Draft add(int clinic, Target target, Function function, long time) {
            Draft draft = new Draft(clinic, target, function, time, drafts.size());
            drafts.add(draft);
            return draft;
        }

        Plan plan() {
            for (int i = 0; i < parameters.clinics(); i++) {
                ClinicState clinic = newClinic(i);
                clinics.add(clinic);
                add(PlannedWrite.ADMIN, Target.REGISTRY, Calls.admit(clinic.clinicId, clinic.jurisdiction,
                        clinic.hipaa, clinic.writer.getAddress(), clinic.kms.getAddress(),
                        clinic.logSigner.getAddress()), START + i);
            }
            for (ClinicState clinic : clinics) {
                long t = START + HOUR + clinic.index * 60L;
                add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId, DOC_ROPA,
                        sha256(clinic.documents.get(Documents.ROPA)), 1), t);
                add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId, DOC_DPIA,
                        sha256(clinic.documents.get(Documents.DPIA)), 1), t + 1);
            }
            for (int patient = 0; patient < parameters.patients(); patient++) {
                clinics.get(random.nextInt(parameters.clinics())).patients.add(patient);
            }
            for (int month = 0; month < parameters.months(); month++) {
                for (ClinicState clinic : clinics) {
                    simulateMonth(clinic, month);
                }
            }
            for (ClinicState clinic : clinics) {
                offChainViolations(clinic);
            }
            return finish();
        }

        private Plan finish() {
            List<Draft> sorted = new ArrayList<>(drafts);
            sorted.sort(Comparator.comparingLong((Draft d) -> d.time).thenComparingInt(d -> d.seq));
            IdentityHashMap<Draft, Integer> index = new IdentityHashMap<>();
            List<PlannedWrite> writes = new ArrayList<>();
            long previous = Long.MIN_VALUE;
            for (Draft draft : sorted) {
                long time = Math.max(draft.time, previous + 1);
                previous = time;
                index.put(draft, writes.size());
                writes.add(new PlannedWrite(draft.clinic, draft.target, draft.function, time));
            }
            List<PlannedViolation> planted = new ArrayList<>();
            for (DraftViolation v : violations) {
                List<PlannedViolation.Ref> refs = new ArrayList<>();
                for (int i = 0; i < v.drafts.size(); i++) {
                    refs.add(new PlannedViolation.Ref(v.roles.get(i), index.get(v.drafts.get(i))));
                }
                long deadline = v.deadlineFrom == null ? v.fixedDeadline
                        : plusMonths(writes.get(index.get(v.deadlineFrom)).timestamp(), v.deadlineMonths);
                long actual = v.actual == null ? -1 : writes.get(index.get(v.actual)).timestamp();
                planted.add(new PlannedViolation(v.kind, v.clinic, v.objects, refs, deadline, actual));
            }
            return new Plan(parameters, clinics.stream().map(ClinicState::toClinic).toList(), writes, planted);
        }

        private ClinicState newClinic(int index) {
            Jurisdiction jurisdiction = Jurisdiction.values()[random.nextInt(Jurisdiction.values().length)];
            boolean hipaa = jurisdiction == Jurisdiction.US && random.nextInt(10) != 0;
            if (index == 0) {
                jurisdiction = Jurisdiction.EU;
                hipaa = false;
            } else if (index == 1) {
                jurisdiction = Jurisdiction.US;
                hipaa = true;
            }
            boolean clean = index >= parameters.clinics() - parameters.cleanClinics();
            return new ClinicState(index, bytes(random), jurisdiction, hipaa, clean, key(random), key(random),
                    key(random), bytes(random));
        }

        /** Draws whether an opportunity becomes a violation; always draws, so toggles do not shift other choices. */
        private boolean plant(ClinicState clinic, Violation kind, boolean eligible) {
            double draw = random.nextDouble();
            return eligible && !clinic.clean && draw < parameters.rate(kind);
        }

        private void simulateMonth(ClinicState clinic, int month) {
            long start = monthStart(month);
            for (int patient : clinic.patients) {
                if (clinic.erased.contains(patient)) {
                    continue;
                }
                if (random.nextInt(5) < 2) {
                    long t = start + HOUR + random.nextLong(20 * DAY);
                    visit(clinic, patient, month, t);
                }
            }
            revokeSomeConsent(clinic, start + 21 * DAY);
            disclosure(clinic, start + 21 * DAY + 2 * HOUR);
            boolean eu = clinic.jurisdiction == Jurisdiction.EU;
            long requestTime = start + 22 * DAY;
            erasure(clinic, requestTime, Violation.LATE_ERASURE, eu);
            erasure(clinic, requestTime + HOUR, Violation.ERASURE_KEY_NOT_DESTROYED, eu);
            erasure(clinic, requestTime + 2 * HOUR, Violation.KMS_RECEIPT_WRONG_SIGNER, eu);
            access(clinic, requestTime + 3 * HOUR, Violation.LATE_ANSWER, eu);
            access(clinic, requestTime + 4 * HOUR, Violation.LATE_EXTENSION, eu);
            if (month % 2 == clinic.index % 2) {
                breach(clinic, start + 15 * DAY);
            }
            clinic.checkpoints.add(add(clinic.index, Target.RECORDS, Calls.checkpoint(clinic.clinicId,
                    clinic.leafHashes.size(), MerkleTree.rootHash(clinic.leafHashes)), start + 27 * DAY));
            clinic.checkpointSizes.add(clinic.leafHashes.size());
        }

        private void visit(ClinicState clinic, int patient, int month, long t) {
            if (!clinic.keyOf.containsKey(patient)) {
                byte[] keyId = bytes(random);
                clinic.keyOf.put(patient, keyId);
                clinic.keyedPatients.add(patient);
                add(clinic.index, Target.RECORDS, Calls.registerKey(clinic.clinicId, keyId,
                        clinic.pseudonym(patient), KeyedHash.hmacSha256(clinic.hmacKey, concat("key/", keyId))), t);
                byte[] consentId = bytes(random);
                byte[] subject = clinic.pseudonym(patient);
                Draft consent;
                boolean plain = plant(clinic, Violation.PLAIN_HASH_ON_CHAIN, true);
                if (plain) {
                    subject = sha256(mrn(clinic.index, patient).getBytes(StandardCharsets.UTF_8));
                }
                consent = add(clinic.index, Target.RECORDS, Calls.grantConsent(clinic.clinicId, consentId, subject,
                        Codes.PURPOSE_TREATMENT, sha256(clinic.documents.get(Documents.CONSENT_POLICY)), 0), t + 1);
                clinic.consents.add(new Object[] {consentId, subject, patient});
                clinic.consentOf.put(patient, consentId);
                clinic.consentRecords.add(new long[] {t + 1, -1});
                clinic.consentData.add(new Object[] {consentId, subject});
                if (plain) {
                    Map<String, String> objects = new LinkedHashMap<>();
                    objects.put("consentId", hex(consentId));
                    objects.put("identifier", mrn(clinic.index, patient));
                    objects.put("plainHash", hex(subject));
                    violations.add(new DraftViolation(Violation.PLAIN_HASH_ON_CHAIN, clinic.index, objects,
                            List.of("consentGranted"), List.of(consent), null, 0, -1, null));
                }
            }
            int category = Codes.CATEGORIES[random.nextInt(Codes.CATEGORIES.length)];
            String plaintext = "visit;clinic=" + clinic.index + ";patient=" + patient + ";month=" + month
                    + ";category=" + category + ";note=" + Long.toHexString(random.nextLong()) + ";";
            byte[] text = plaintext.getBytes(StandardCharsets.UTF_8);
            RecordOpening record = new RecordOpening(bytes(random), text, KeyedHash.hmacSha256(clinic.hmacKey, text));
            clinic.records.add(record);
            add(clinic.index, Target.RECORDS, Calls.commitRecord(clinic.clinicId, record.recordId(),
                    record.commitment(), Codes.SCHEME_HMAC_SHA256, clinic.keyOf.get(patient),
                    Codes.PURPOSE_TREATMENT, Codes.BASIS_CONTRACT_HEALTH_CARE, category), t + 2);
            logAccesses(clinic, patient, record, category, t + 3);
            if (random.nextInt(10) == 0) {
                // a disclosed subject is not picked for erasure: its recipients would need an Art 19 notice
                // (GDPR-ER-04), which the contracts cannot record yet
                clinic.keyedPatients.remove(Integer.valueOf(patient));
                add(clinic.index, Target.ACCOUNTABILITY, Calls.recordDisclosure(clinic.clinicId, bytes(random),
                        clinic.pseudonym(patient), bytes(random), Codes.PURPOSE_PAYMENT, category), t + 3);
            }
        }

        /** The month's disclosure opportunity: a disclosure for a random patient, to a recipient, for payment. */
        private void disclosure(ClinicState clinic, long t) {
            boolean cleartext = plant(clinic, Violation.CLEARTEXT_PII_ON_CHAIN, clinic.jurisdiction == Jurisdiction.EU);
            boolean incomplete = plant(clinic, Violation.DISCLOSURE_INCOMPLETE, clinic.hipaa);
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
            Draft write = add(clinic.index, Target.ACCOUNTABILITY, Calls.recordDisclosure(clinic.clinicId,
                    disclosureId, clinic.pseudonym(patient), recipientId, purpose, Codes.CATEGORY_LAB_RESULT), t);
            if (cleartext || incomplete) {
                violations.add(new DraftViolation(cleartext ? Violation.CLEARTEXT_PII_ON_CHAIN
                        : Violation.DISCLOSURE_INCOMPLETE, clinic.index, objects, List.of("disclosureRecorded"),
                        List.of(write), null, 0, -1, null));
            }
        }

        private void revokeSomeConsent(ClinicState clinic, long t) {
            if (!clinic.consents.isEmpty() && random.nextInt(3) == 0) {
                Object[] consent = clinic.consents.remove(random.nextInt(clinic.consents.size()));
                for (int i = 0; i < clinic.consentData.size(); i++) {
                    if (clinic.consentData.get(i)[0] == consent[0]) {
                        clinic.consentRecords.get(i)[1] = t;
                    }
                }
                add(clinic.index, Target.RECORDS, Calls.revokeConsent(clinic.clinicId, (byte[]) consent[0],
                        (byte[]) consent[1], Codes.PURPOSE_TREATMENT), t);
            }
        }

        private Regime regime(ClinicState clinic) {
            return switch (clinic.jurisdiction) {
                case EU -> Regime.GDPR;
                case UK -> Regime.UK_GDPR;
                case US -> Regime.HIPAA;
            };
        }

        private void erasure(ClinicState clinic, long received, Violation kind, boolean eligible) {
            boolean violate = plant(clinic, kind, eligible);
            if (clinic.jurisdiction == Jurisdiction.US || clinic.keyedPatients.isEmpty()) {
                return;
            }
            int patient = clinic.keyedPatients.remove(random.nextInt(clinic.keyedPatients.size()));
            clinic.erased.add(patient);
            byte[] keyId = clinic.keyOf.get(patient);
            byte[] requestId = bytes(random);
            long answered = received + (5 + random.nextInt(15)) * DAY;
            Draft receivedWrite = add(clinic.index, Target.ACCOUNTABILITY, Calls.receiveRequest(clinic.clinicId,
                    requestId, clinic.pseudonym(patient), RequestType.ERASURE, regime(clinic)), received);
            long destroyed = answered - HOUR;
            if (violate && kind == Violation.LATE_ERASURE) {
                destroyed = plusMonths(received, 1) + (1 + random.nextInt(10)) * DAY;
            }
            Draft destroyWrite = null;
            KmsReceipt receipt = null;
            if (!(violate && kind == Violation.ERASURE_KEY_NOT_DESTROYED)) {
                Credentials signer = violate && kind == Violation.KMS_RECEIPT_WRONG_SIGNER ? key(random) : clinic.kms;
                receipt = KmsReceipt.sign(clinic.clinicId, keyId, destroyed, signer);
                clinic.receipts.add(receipt);
                destroyWrite = add(clinic.index, Target.RECORDS, Calls.destroyKey(clinic.clinicId, keyId,
                        receipt.sha256()), destroyed);
            }
            Draft answerWrite = add(clinic.index, Target.ACCOUNTABILITY, Calls.answerRequest(clinic.clinicId,
                    requestId, Outcome.FULFILLED, 0, hash("reply", requestId)), answered);
            if (!violate) {
                return;
            }
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("requestId", hex(requestId));
            objects.put("keyId", hex(keyId));
            switch (kind) {
                case LATE_ERASURE -> violations.add(new DraftViolation(kind, clinic.index, objects,
                        List.of("requestReceived", "keyDestroyed", "requestAnswered"),
                        List.of(receivedWrite, destroyWrite, answerWrite), receivedWrite, 1, 0, destroyWrite));
                case ERASURE_KEY_NOT_DESTROYED -> violations.add(new DraftViolation(kind, clinic.index, objects,
                        List.of("requestReceived", "requestAnswered"), List.of(receivedWrite, answerWrite),
                        receivedWrite, 1, 0, null));
                default -> {
                    objects.put("receiptSha256", hex(receipt.sha256()));
                    objects.put("receiptSigner", receipt.signer());
                    objects.put("kmsAttestationKey", clinic.kms.getAddress());
                    violations.add(new DraftViolation(kind, clinic.index, objects,
                            List.of("requestReceived", "keyDestroyed"), List.of(receivedWrite, destroyWrite),
                            null, 0, -1, null));
                }
            }
        }

        private void access(ClinicState clinic, long received, Violation kind, boolean eligible) {
            boolean violate = plant(clinic, kind, eligible);
            if (clinic.patients.isEmpty()) {
                return;
            }
            int patient = clinic.patients.get(random.nextInt(clinic.patients.size()));
            byte[] requestId = bytes(random);
            long delay = (3 + random.nextInt(20)) * DAY;
            Draft receivedWrite = add(clinic.index, Target.ACCOUNTABILITY, Calls.receiveRequest(clinic.clinicId,
                    requestId, clinic.pseudonym(patient), RequestType.ACCESS, regime(clinic)), received);
            long answered = received + delay;
            Draft extendWrite = null;
            if (violate && kind == Violation.LATE_ANSWER) {
                answered = plusMonths(received, 1) + delay;
            } else if (violate && kind == Violation.LATE_EXTENSION) {
                extendWrite = add(clinic.index, Target.ACCOUNTABILITY, Calls.extendRequest(clinic.clinicId,
                        requestId, hash("reasons", requestId)), plusMonths(received, 1) + delay / 4);
                answered = plusMonths(received, 2) + delay;
            }
            Draft answerWrite = add(clinic.index, Target.ACCOUNTABILITY, Calls.answerRequest(clinic.clinicId,
                    requestId, Outcome.FULFILLED, 0, hash("reply", requestId)), answered);
            if (!violate) {
                return;
            }
            Map<String, String> objects = Map.of("requestId", hex(requestId));
            if (kind == Violation.LATE_ANSWER) {
                violations.add(new DraftViolation(kind, clinic.index, objects,
                        List.of("requestReceived", "requestAnswered"), List.of(receivedWrite, answerWrite),
                        receivedWrite, 1, 0, answerWrite));
            } else {
                violations.add(new DraftViolation(kind, clinic.index, objects,
                        List.of("requestReceived", "requestExtended", "requestAnswered"),
                        List.of(receivedWrite, extendWrite, answerWrite), receivedWrite, 1, 0, extendWrite));
            }
        }

        private void breach(ClinicState clinic, long detected) {
            boolean late = plant(clinic, Violation.LATE_BREACH_NOTICE, clinic.jurisdiction == Jurisdiction.EU);
            boolean noHhs = plant(clinic, Violation.HHS_NOTICE_MISSING, clinic.hipaa);
            byte[] breachId = bytes(random);
            long awareAt = detected - random.nextLong(12 * HOUR);
            long affected = noHhs ? 500 + random.nextInt(2000) : 1 + random.nextInt(1500);
            Draft detect = add(clinic.index, Target.ACCOUNTABILITY, Calls.detectBreach(clinic.clinicId, breachId,
                    awareAt, affected, Risk.RISK), detected);
            Map<String, String> objects = Map.of("breachId", hex(breachId));
            if (clinic.jurisdiction != Jurisdiction.US) {
                long notified = late ? awareAt + 72 * HOUR + (1 + random.nextInt(96)) * HOUR
                        : detected + random.nextLong(24 * HOUR);
                Draft notice = add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                        Audience.AUTHORITY, hash("notice", breachId)), notified);
                if (late) {
                    violations.add(new DraftViolation(Violation.LATE_BREACH_NOTICE, clinic.index, objects,
                            List.of("breachDetected", "breachNotified"), List.of(detect, notice), null, 0,
                            awareAt + 72 * HOUR, notice));
                }
            } else {
                long notified = detected + (1 + random.nextInt(20)) * DAY;
                add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                        Audience.SUBJECTS, hash("letter", breachId)), notified);
                if (clinic.hipaa && affected >= 500 && !noHhs) {
                    add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                            Audience.HHS, hash("hhs", breachId)), notified + HOUR);
                }
                if (clinic.hipaa && affected > 500) {
                    add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                            Audience.MEDIA, hash("media", breachId)), notified + 2 * HOUR);
                }
                if (noHhs) {
                    violations.add(new DraftViolation(Violation.HHS_NOTICE_MISSING, clinic.index, objects,
                            List.of("breachDetected"), List.of(detect), null, 0, awareAt + 60 * DAY, null));
                }
            }
        }

        /**
         * Off-chain violations in the clinic's evidence bundle, drawn after the whole history (so they shift no
         * other choice): entries the anchored checkpoints cover are missing from the stored log, or one stored entry
         * differs from the bytes whose leaf hash was anchored. The anchored checkpoints stay honest.
         */
        private void offChainViolations(ClinicState clinic) {
            int size = clinic.accessLog.size();
            boolean missing = plant(clinic, Violation.LOG_ENTRIES_MISSING, size > 1 && !clinic.checkpoints.isEmpty());
            int drop = Math.min(1 + random.nextInt(3), Math.max(size - 1, 0));
            boolean tampered = plant(clinic, Violation.LOG_ENTRY_TAMPERED, size > 4 && !clinic.checkpoints.isEmpty());
            int pick = random.nextInt(Math.max(1, size / 2));
            if (missing) {
                clinic.accessLog.subList(size - drop, size).clear();
                Map<String, String> objects = new LinkedHashMap<>();
                objects.put("anchoredTreeSize", Integer.toString(size));
                objects.put("bundledEntries", Integer.toString(size - drop));
                objects.put("firstMissing", EvidenceBundle.logPath(size - drop));
                violations.add(new DraftViolation(Violation.LOG_ENTRIES_MISSING, clinic.index, objects,
                        List.of("checkpoint"), List.of(clinic.checkpoints.get(clinic.checkpoints.size() - 1)), null,
                        0, -1, null));
            }
            if (tampered) {
                byte[] original = clinic.accessLog.get(pick);
                org.hl7.fhir.r4.model.AuditEvent event =
                        FhirEvidence.parse(org.hl7.fhir.r4.model.AuditEvent.class, original);
                event.getAgentFirstRep().getWho().getIdentifier().setValue("staff-99");
                byte[] changed = FhirEvidence.encode(event);
                clinic.accessLog.set(pick, changed);
                int checkpoint = 0;
                while (clinic.checkpointSizes.get(checkpoint) <= pick) {
                    checkpoint++;
                }
                Map<String, String> objects = new LinkedHashMap<>();
                objects.put("entry", EvidenceBundle.logPath(pick));
                objects.put("anchoredLeafHash", hex(MerkleTree.leafHash(original)));
                objects.put("bundledLeafHash", hex(MerkleTree.leafHash(changed)));
                violations.add(new DraftViolation(Violation.LOG_ENTRY_TAMPERED, clinic.index, objects,
                        List.of("checkpoint"), List.of(clinic.checkpoints.get(checkpoint)), null, 0, -1, null));
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
    }

    private static byte[] hash(String what, ClinicState clinic) {
        return sha256(concat(what + "/", clinic.clinicId));
    }

    private static byte[] hash(String what, byte[] id) {
        return sha256(concat(what + "/", id));
    }

    private static byte[] concat(String prefix, byte[] id) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + id.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(id, 0, all, head.length, id.length);
        return all;
    }

    static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }

    private static byte[] bytes(SplittableRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Credentials key(SplittableRandom random) {
        BigInteger secret;
        do {
            secret = new BigInteger(1, bytes(random));
        } while (secret.signum() == 0 || secret.compareTo(SECP256K1_ORDER) >= 0);
        return Credentials.create(ECKeyPair.create(secret));
    }

    /** A clinic while its history is being planned. */
    private static final class ClinicState {
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
        final List<Integer> keyedPatients = new ArrayList<>();
        final java.util.Set<Integer> erased = new java.util.HashSet<>();
        final Map<Integer, byte[]> keyOf = new java.util.HashMap<>();
        final List<Object[]> consents = new ArrayList<>();
        final List<RecordOpening> records = new ArrayList<>();
        final List<byte[]> accessLog = new ArrayList<>();
        final List<byte[]> leafHashes = new ArrayList<>();
        final List<Draft> checkpoints = new ArrayList<>();
        final List<Integer> checkpointSizes = new ArrayList<>();
        final List<KmsReceipt> receipts = new ArrayList<>();
        final Map<Integer, byte[]> consentOf = new java.util.HashMap<>();
        /** Per granted consent (in grant order): {consentId, subject} and {grantedAt, revokedAt or -1}. */
        final List<Object[]> consentData = new ArrayList<>();
        final List<long[]> consentRecords = new ArrayList<>();
        final Map<String, byte[]> documents = new java.util.LinkedHashMap<>();

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

        SimulatedClinic toClinic() {
            return new SimulatedClinic(clinicId, jurisdiction, hipaa, writer, kms, logSigner, hmacKey,
                    records, accessLog, receipts, consentResources(), documents);
        }

        private List<byte[]> consentResources() {
            List<byte[]> resources = new ArrayList<>();
            byte[] policy = sha256(documents.get(Documents.CONSENT_POLICY));
            for (int i = 0; i < consentData.size(); i++) {
                resources.add(FhirEvidence.consent((byte[]) consentData.get(i)[0], (byte[]) consentData.get(i)[1],
                        Codes.PURPOSE_TREATMENT, policy, consentRecords.get(i)[0], consentRecords.get(i)[1]));
            }
            return resources;
        }
    }
}
