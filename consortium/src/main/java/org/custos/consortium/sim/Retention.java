package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.DAY;
import static org.custos.consortium.sim.Simulator.HOUR;
import static org.custos.consortium.sim.Simulator.hex;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.ClinicState.AppointmentKey;
import org.custos.consortium.sim.PlannedWrite.Target;

/**
 * Storage limitation of appointment data (category 5): the RoPA declares {@link Codes#APPOINTMENT_RETENTION_DAYS}
 * days; each appointment record has its own key, which the honest clinic destroys (KeyDestroyed with a KMS receipt)
 * an hour after the retention end, or earlier with the patient's erasure. Plants {@code RETENTION_EXCEEDED}: at
 * the earliest appointment of each month at an EU clinic, if its retention end plus {@link #GRACE} falls before the
 * last checkpoint, the key is not destroyed at retention end (own random stream); an erasure may destroy it later.
 */
final class Retention {

    /** The planted key is still undestroyed at least this long after the retention end. */
    static final long GRACE = 7 * DAY;

    private final Planner planner;

    Retention(Planner planner) {
        this.planner = planner;
    }

    /** The month's opportunity: the month's earliest appointment of the clinic (after the month's visits). */
    void month(ClinicState clinic, long start, long end) {
        // the earliest of the month, preferring a patient who can no longer be picked for erasure (an erasure
        // would destroy the key with the subject's other keys)
        AppointmentKey earliest = null;
        for (AppointmentKey key : clinic.appointmentKeys) {
            if (key.committedAt >= start && key.committedAt < end && (earliest == null
                    || rank(clinic, key) < rank(clinic, earliest)
                    || rank(clinic, key) == rank(clinic, earliest) && key.committedAt < earliest.committedAt)) {
                earliest = key;
            }
        }
        boolean violate = planner.plantSeparately(clinic, Violation.RETENTION_EXCEEDED,
                clinic.jurisdiction == Jurisdiction.EU && earliest != null
                        && earliest.retentionEnd() + GRACE <= planner.historyEnd);
        if (violate) {
            earliest.violated = true;
        }
    }

    private static int rank(ClinicState clinic, AppointmentKey key) {
        return clinic.keyedPatients.contains(key.patient) ? 1 : 0;
    }

    /** An erasure destroys, with the patient's key, every appointment key not destroyed at retention before it. */
    void destroyOnErasure(ClinicState clinic, int patient, long destroyed) {
        for (AppointmentKey key : clinic.appointmentKeys) {
            if (key.patient == patient && key.destroyedBy == null
                    && (key.violated || key.retentionEnd() + HOUR > destroyed)) {
                key.destroyedBy = destroy(clinic, key, destroyed);
            }
        }
    }

    /** After the history: honest keys destroyed at retention end (up to the last planned write), violations listed. */
    void finish(ClinicState clinic, long lastTime) {
        for (AppointmentKey key : clinic.appointmentKeys) {
            if (!key.violated) {
                if (key.destroyedBy == null && key.retentionEnd() + HOUR <= lastTime) {
                    key.destroyedBy = destroy(clinic, key, key.retentionEnd() + HOUR);
                }
                continue;
            }
            if (key.destroyedBy != null && key.destroyedBy.time <= key.retentionEnd() + GRACE) {
                continue; // an erasure destroyed it before the planted lapse showed
            }
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("keyId", hex(key.keyId));
            objects.put("recordId", hex(key.recordId));
            objects.put("dataCategory", Integer.toString(Codes.CATEGORY_APPOINTMENT));
            objects.put("retentionDays", Integer.toString(Codes.APPOINTMENT_RETENTION_DAYS));
            objects.put("retentionEnd", Instant.ofEpochSecond(key.retentionEnd()).toString());
            DraftViolation v = new DraftViolation(Violation.RETENTION_EXCEEDED, clinic.index, objects,
                    List.of("recordCommitted"), List.of(key.commit), key.commit, 0,
                    Codes.APPOINTMENT_RETENTION_DAYS * DAY, -1, key.destroyedBy, -1);
            if (key.destroyedBy != null) {
                v.add("keyDestroyed", key.destroyedBy);
            }
            planner.violations.add(v);
        }
    }

    private Draft destroy(ClinicState clinic, AppointmentKey key, long time) {
        KmsReceipt receipt = KmsReceipt.sign(clinic.clinicId, key.keyId, time, clinic.kms);
        clinic.receipts.add(receipt);
        return planner.add(clinic.index, Target.RECORDS, Calls.destroyKey(clinic.clinicId, key.keyId,
                receipt.sha256()), time);
    }
}
