package org.custos.consortium.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;
import org.custos.verify.merkle.MerkleTree;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Plans a consortium history from {@link SimulationParameters}: the admin admits every clinic; then, month by
 * month and clinic by clinic, each of the clinic's patients visits with probability 2/5 (one record commitment,
 * one to three access-log entries for it), and the month ends with a checkpoint of the clinic's access log
 * (tree size and RFC 9162 root over all entries so far). One {@link SplittableRandom} seeded with the seed drives
 * every choice, in a fixed order: same parameters, same plan.
 */
public final class Simulator {

    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private Simulator() {
    }

    public static Plan plan(SimulationParameters parameters) {
        SplittableRandom random = new SplittableRandom(parameters.seed());
        List<ClinicState> clinics = new ArrayList<>();
        List<PlannedWrite> writes = new ArrayList<>();
        for (int i = 0; i < parameters.clinics(); i++) {
            ClinicState clinic = newClinic(random, i);
            clinics.add(clinic);
            writes.add(new PlannedWrite(PlannedWrite.ADMIN, Target.REGISTRY, Calls.admit(clinic.clinicId,
                    clinic.jurisdiction, clinic.hipaa, clinic.writer.getAddress(), clinic.kms.getAddress(),
                    clinic.logSigner.getAddress())));
        }
        for (int patient = 0; patient < parameters.patients(); patient++) {
            clinics.get(random.nextInt(parameters.clinics())).patients.add(patient);
        }
        for (int month = 0; month < parameters.months(); month++) {
            for (ClinicState clinic : clinics) {
                simulateMonth(random, clinic, month, writes);
            }
        }
        return new Plan(parameters, clinics.stream().map(ClinicState::toClinic).toList(), writes);
    }

    private static ClinicState newClinic(SplittableRandom random, int index) {
        Jurisdiction jurisdiction = Jurisdiction.values()[random.nextInt(Jurisdiction.values().length)];
        boolean hipaa = jurisdiction == Jurisdiction.US && random.nextInt(10) != 0;
        return new ClinicState(index, bytes(random), jurisdiction, hipaa, key(random), key(random), key(random),
                bytes(random), bytes(random));
    }

    private static void simulateMonth(SplittableRandom random, ClinicState clinic, int month,
                                      List<PlannedWrite> writes) {
        for (int patient : clinic.patients) {
            if (random.nextInt(5) < 2) {
                RecordOpening record = visit(random, clinic, patient, month);
                int category = Integer.parseInt(field(record.plaintext(), "category"));
                writes.add(new PlannedWrite(clinic.index, Target.RECORDS, Calls.commitRecord(clinic.clinicId,
                        record.recordId(), record.commitment(), Codes.SCHEME_HMAC_SHA256, clinic.keyId,
                        Codes.PURPOSE_TREATMENT, Codes.BASIS_CONTRACT_HEALTH_CARE, category)));
                logAccesses(random, clinic, patient, month, record, category);
            }
        }
        writes.add(new PlannedWrite(clinic.index, Target.RECORDS, Calls.checkpoint(clinic.clinicId,
                clinic.leafHashes.size(), MerkleTree.rootHash(clinic.leafHashes))));
    }

    private static RecordOpening visit(SplittableRandom random, ClinicState clinic, int patient, int month) {
        int category = Codes.CATEGORIES[random.nextInt(Codes.CATEGORIES.length)];
        String plaintext = "visit;clinic=" + clinic.index + ";patient=" + patient + ";month=" + month
                + ";category=" + category + ";note=" + Long.toHexString(random.nextLong()) + ";";
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        RecordOpening record = new RecordOpening(bytes(random), bytes, KeyedHash.hmacSha256(clinic.hmacKey, bytes));
        clinic.records.add(record);
        return record;
    }

    private static void logAccesses(SplittableRandom random, ClinicState clinic, int patient, int month,
                                    RecordOpening record, int category) {
        String subject = Numeric.toHexString(clinic.pseudonym(patient));
        int accesses = 1 + random.nextInt(3);
        for (int i = 0; i < accesses; i++) {
            int role = random.nextInt(Codes.ROLES.length);
            String entry = "access;seq=" + clinic.accessLog.size() + ";month=" + month + ";actor="
                    + random.nextInt(20) + ";role=" + Codes.ROLES[role] + ";subject=" + subject + ";record="
                    + Numeric.toHexString(record.recordId()) + ";purpose=" + Codes.ROLE_PURPOSE[role]
                    + ";category=" + category + ";";
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            clinic.accessLog.add(bytes);
            clinic.leafHashes.add(MerkleTree.leafHash(bytes));
        }
    }

    private static String field(byte[] plaintext, String name) {
        String text = new String(plaintext, StandardCharsets.UTF_8);
        int start = text.indexOf(";" + name + "=") + name.length() + 2;
        return text.substring(start, text.indexOf(';', start));
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
        final Credentials writer;
        final Credentials kms;
        final Credentials logSigner;
        final byte[] keyId;
        final byte[] hmacKey;
        final List<Integer> patients = new ArrayList<>();
        final List<RecordOpening> records = new ArrayList<>();
        final List<byte[]> accessLog = new ArrayList<>();
        final List<byte[]> leafHashes = new ArrayList<>();

        ClinicState(int index, byte[] clinicId, Jurisdiction jurisdiction, boolean hipaa, Credentials writer,
                    Credentials kms, Credentials logSigner, byte[] keyId, byte[] hmacKey) {
            this.index = index;
            this.clinicId = clinicId;
            this.jurisdiction = jurisdiction;
            this.hipaa = hipaa;
            this.writer = writer;
            this.kms = kms;
            this.logSigner = logSigner;
            this.keyId = keyId;
            this.hmacKey = hmacKey;
        }

        /** The subject pseudonym of a patient at this clinic: HMAC-SHA-256(clinic key, "subject/" + patient). */
        byte[] pseudonym(int patient) {
            return KeyedHash.hmacSha256(hmacKey, ("subject/" + patient).getBytes(StandardCharsets.UTF_8));
        }

        SimulatedClinic toClinic() {
            return new SimulatedClinic(clinicId, jurisdiction, hipaa, writer, kms, logSigner, keyId, hmacKey,
                    records, accessLog);
        }
    }
}
