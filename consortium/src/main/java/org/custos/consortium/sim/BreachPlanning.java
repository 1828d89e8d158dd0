package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.DAY;
import static org.custos.consortium.sim.Simulator.HOUR;
import static org.custos.consortium.sim.Simulator.bytes;
import static org.custos.consortium.sim.Simulator.hash;
import static org.custos.consortium.sim.Simulator.hex;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Audience;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.chain.Calls.Risk;
import org.custos.consortium.sim.PlannedWrite.Target;

/**
 * Breaches and their notices: EU/UK to the authority within a day, US to the subjects, to HHS for 500 or more at a
 * covered entity, to the media above 500. Plants {@code LATE_BREACH_NOTICE} and {@code HHS_NOTICE_MISSING}.
 */
final class BreachPlanning {

    private final Planner planner;
    private final SplittableRandom random;

    BreachPlanning(Planner planner) {
        this.planner = planner;
        this.random = planner.random;
    }

    void breach(ClinicState clinic, long detected) {
        boolean late = planner.plant(clinic, Violation.LATE_BREACH_NOTICE, clinic.jurisdiction == Jurisdiction.EU);
        boolean noHhs = planner.plant(clinic, Violation.HHS_NOTICE_MISSING, clinic.hipaa);
        byte[] breachId = bytes(random);
        long awareAt = detected - random.nextLong(12 * HOUR);
        long affected = noHhs ? 500 + random.nextInt(2000) : 1 + random.nextInt(1500);
        Draft detect = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.detectBreach(clinic.clinicId,
                breachId, awareAt, affected, Risk.RISK), detected);
        Map<String, String> objects = Map.of("breachId", hex(breachId));
        if (clinic.jurisdiction != Jurisdiction.US) {
            long notified = late ? awareAt + 72 * HOUR + (1 + random.nextInt(96)) * HOUR
                    : detected + random.nextLong(24 * HOUR);
            Draft notice = planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId,
                    breachId, Audience.AUTHORITY, hash("notice", breachId)), notified);
            if (late) {
                planner.violations.add(new DraftViolation(Violation.LATE_BREACH_NOTICE, clinic.index, objects,
                        List.of("breachDetected", "breachNotified"), List.of(detect, notice), null, 0,
                        awareAt + 72 * HOUR, notice));
            }
        } else {
            long notified = detected + (1 + random.nextInt(20)) * DAY;
            planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                    Audience.SUBJECTS, hash("letter", breachId)), notified);
            if (clinic.hipaa && affected >= 500 && !noHhs) {
                planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                        Audience.HHS, hash("hhs", breachId)), notified + HOUR);
            }
            if (clinic.hipaa && affected > 500) {
                planner.add(clinic.index, Target.ACCOUNTABILITY, Calls.notifyBreach(clinic.clinicId, breachId,
                        Audience.MEDIA, hash("media", breachId)), notified + 2 * HOUR);
            }
            if (noHhs) {
                planner.violations.add(new DraftViolation(Violation.HHS_NOTICE_MISSING, clinic.index, objects,
                        List.of("breachDetected"), List.of(detect), null, 0, awareAt + 60 * DAY, null));
            }
        }
    }
}
