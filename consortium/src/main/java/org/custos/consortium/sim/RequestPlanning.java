package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.DAY;
import static org.custos.consortium.sim.Simulator.HOUR;
import static org.custos.consortium.sim.Simulator.bytes;
import static org.custos.consortium.sim.Simulator.hash;
import static org.custos.consortium.sim.Simulator.hex;
import static org.custos.consortium.sim.Simulator.key;
import static org.custos.consortium.sim.Simulator.plusMonths;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.chain.Calls.Outcome;
import org.custos.consortium.chain.Calls.Regime;
import org.custos.consortium.chain.Calls.RequestType;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.web3j.crypto.Credentials;

/**
 * Data-subject requests: erasures (the subject's key, and its appointment keys not yet destroyed, destroyed with KMS
 * receipts, then answered; then the {@code ACCESS_AFTER_ERASURE} opportunity) and access requests. Plants
 * {@code LATE_ERASURE}, {@code ERASURE_KEY_NOT_DESTROYED}, {@code KMS_RECEIPT_WRONG_SIGNER}, {@code LATE_ANSWER}
 * and {@code LATE_EXTENSION}.
 */
final class RequestPlanning {

    private final Planner planner;
    private final SplittableRandom random;

    RequestPlanning(Planner planner) {
        this.planner = planner;
        this.random = planner.random;
    }

    static Regime regime(ClinicState clinic) {
        return switch (clinic.jurisdiction) {
            case EU -> Regime.GDPR;
            case UK -> Regime.UK_GDPR;
            case US -> Regime.HIPAA;
        };
    }

    void erasure(ClinicState clinic, long received, Violation kind, boolean eligible) {
        // a key never destroyed is a finding only once the deadline has passed within the history
        boolean violate = planner.plant(clinic, kind, eligible && (kind != Violation.ERASURE_KEY_NOT_DESTROYED
                || plusMonths(received, 1) < planner.historyEnd));
        if (clinic.jurisdiction == Jurisdiction.US || clinic.keyedPatients.isEmpty()) {
            return;
        }
        int patient = clinic.keyedPatients.remove(random.nextInt(clinic.keyedPatients.size()));
        clinic.erased.add(patient);
        byte[] keyId = clinic.keyOf.get(patient);
        byte[] requestId = bytes(random);
        long answered = received + (5 + random.nextInt(15)) * DAY;
        Draft receivedWrite = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.receiveRequest(clinic.clinicId,
                requestId, clinic.subject(patient), RequestType.ERASURE, regime(clinic)), received);
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
            destroyWrite = planner.add(clinic.index, Target.RECORDS, Calls.destroyKey(clinic.clinicId, keyId,
                    receipt.sha256()), destroyed);
            planner.retention.destroyOnErasure(clinic, patient, destroyed);
        }
        planner.care.afterErasure(clinic, patient, keyId, requestId, destroyed, destroyWrite);
        Draft answerWrite = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.answerRequest(clinic.clinicId,
                requestId, Outcome.FULFILLED, 0, hash("reply", requestId)), answered);
        if (!violate) {
            return;
        }
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("requestId", hex(requestId));
        objects.put("keyId", hex(keyId));
        switch (kind) {
            case LATE_ERASURE -> planner.violations.add(new DraftViolation(kind, clinic.index, objects,
                    List.of("requestReceived", "keyDestroyed", "requestAnswered"),
                    List.of(receivedWrite, destroyWrite, answerWrite), receivedWrite, 1, 0, destroyWrite));
            case ERASURE_KEY_NOT_DESTROYED -> planner.violations.add(new DraftViolation(kind, clinic.index, objects,
                    List.of("requestReceived", "requestAnswered"), List.of(receivedWrite, answerWrite),
                    receivedWrite, 1, 0, null));
            default -> {
                objects.put("receiptSha256", hex(receipt.sha256()));
                objects.put("receiptSigner", receipt.signer());
                objects.put("kmsAttestationKey", clinic.kms.getAddress());
                planner.violations.add(new DraftViolation(kind, clinic.index, objects,
                        List.of("requestReceived", "keyDestroyed"), List.of(receivedWrite, destroyWrite),
                        null, 0, -1, null));
            }
        }
    }

    void access(ClinicState clinic, long received, Violation kind, boolean eligible) {
        boolean violate = planner.plant(clinic, kind, eligible);
        if (clinic.patients.isEmpty()) {
            return;
        }
        int patient = clinic.patients.get(random.nextInt(clinic.patients.size()));
        byte[] requestId = bytes(random);
        long delay = (3 + random.nextInt(20)) * DAY;
        Draft receivedWrite = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.receiveRequest(clinic.clinicId,
                requestId, clinic.subject(patient), RequestType.ACCESS, regime(clinic)), received);
        long answered = received + delay;
        Draft extendWrite = null;
        if (violate && kind == Violation.LATE_ANSWER) {
            answered = plusMonths(received, 1) + delay;
        } else if (violate && kind == Violation.LATE_EXTENSION) {
            extendWrite = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.extendRequest(clinic.clinicId,
                    requestId, hash("reasons", requestId)), plusMonths(received, 1) + delay / 4);
            answered = plusMonths(received, 2) + delay;
        }
        Draft answerWrite = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.answerRequest(clinic.clinicId,
                requestId, Outcome.FULFILLED, 0, hash("reply", requestId)), answered);
        if (!violate) {
            return;
        }
        Map<String, String> objects = Map.of("requestId", hex(requestId));
        if (kind == Violation.LATE_ANSWER) {
            planner.violations.add(new DraftViolation(kind, clinic.index, objects,
                    List.of("requestReceived", "requestAnswered"), List.of(receivedWrite, answerWrite),
                    receivedWrite, 1, 0, answerWrite));
        } else {
            planner.violations.add(new DraftViolation(kind, clinic.index, objects,
                    List.of("requestReceived", "requestExtended", "requestAnswered"),
                    List.of(receivedWrite, extendWrite, answerWrite), receivedWrite, 1, 0, extendWrite));
        }
    }
}
