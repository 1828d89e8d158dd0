package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.DAY;
import static org.custos.consortium.sim.Simulator.HOUR;
import static org.custos.consortium.sim.Simulator.hex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.ClinicState.Clinical;
import org.custos.consortium.sim.ClinicState.Consent;
import org.custos.consortium.sim.ClinicState.Review;

/**
 * Accesses beyond the visits: the monthly honest break-glass access with its anchored review, and the off-chain
 * access violations, each an access-log entry: {@code ACCESS_AFTER_ERASURE}, {@code ACCESS_WITHOUT_CONSENT},
 * {@code ACCESS_AFTER_REVOCATION}, {@code BREAK_GLASS_NO_REVIEW} and {@code CATEGORY_NOT_ALLOWED_FOR_ROLE}. Each
 * kind draws from its own random stream ({@link Planner#plantSeparately}), so toggling one changes no other choice.
 * A violating entry is always recorded before the last simulated month (so an anchored root covers it, and the log
 * ends with ordinary entries).
 */
final class CareViolations {

    /** Break-glass accesses must be reviewed within this time (the access policy). */
    static final long REVIEW_WITHIN = 7 * DAY;

    /** A violating access whose log index, and so its objects and covering checkpoint, is known only later. */
    record Pending(DraftViolation violation, ClinicState clinic, Access access) {
    }

    private final Planner planner;
    private final SplittableRandom random;
    final List<Pending> pending = new ArrayList<>();

    CareViolations(Planner planner) {
        this.planner = planner;
        this.random = planner.random;
    }

    /**
     * Day 10: a break-glass read of a random active patient's record by a physician or nurse, reviewed 1..6 days
     * later (docType 4), unless the review is omitted. Day 11: the {@code ACCESS_WITHOUT_CONSENT} opportunity (EU);
     * day 12: the {@code CATEGORY_NOT_ALLOWED_FOR_ROLE} opportunity (HIPAA covered entities).
     */
    void month(ClinicState clinic, long start) {
        breakGlass(clinic, start + 10 * DAY);
        withoutConsent(clinic, start + 11 * DAY);
        categoryNotAllowed(clinic, start + 12 * DAY);
    }

    private void breakGlass(ClinicState clinic, long day) {
        boolean omit = planner.plantSeparately(clinic, Violation.BREAK_GLASS_NO_REVIEW, clinic.hipaa);
        long t = day + random.nextLong(12 * HOUR);
        long reviewAt = t + (1 + random.nextInt(6)) * DAY;
        List<Clinical> candidates = clinic.activeRecordsBefore(t);
        if (candidates.isEmpty()) {
            return;
        }
        Clinical record = candidates.get(random.nextInt(candidates.size()));
        int role = random.nextBoolean() && Codes.allowed(Codes.NURSE, record.category()) ? Codes.NURSE
                : Codes.PHYSICIAN;
        Access access = clinic.access(t, random.nextInt(20), role, clinic.subject(record.patient()),
                record.recordId(), Codes.PURPOSE_TREATMENT, record.category(),
                clinic.consent(record.patient(), Codes.PURPOSE_TREATMENT).consentId, true, true);
        if (omit) {
            DraftViolation v = new DraftViolation(Violation.BREAK_GLASS_NO_REVIEW, clinic.index, objects(clinic,
                    access), List.of(), List.of(), null, 0, 0, t + REVIEW_WITHIN, null, -1);
            pending.add(new Pending(v, clinic, access));
            planner.violations.add(v);
        } else {
            int version = clinic.reviews.size() + 1;
            Draft anchor = planner.add(clinic.index, PlannedWrite.Target.ACCOUNTABILITY, null, reviewAt);
            clinic.reviews.add(new Review(access, anchor, version, Documents.breakGlassReview(version)));
        }
    }

    private void withoutConsent(ClinicState clinic, long day) {
        SplittableRandom stream = planner.stream(Violation.ACCESS_WITHOUT_CONSENT);
        boolean violate = planner.plantSeparately(clinic, Violation.ACCESS_WITHOUT_CONSENT,
                clinic.jurisdiction == Jurisdiction.EU && day + DAY < planner.violationEnd);
        if (!violate) {
            return;
        }
        long t = day + stream.nextLong(12 * HOUR);
        List<Clinical> candidates = clinic.activeRecordsBefore(t);
        if (candidates.isEmpty()) {
            return;
        }
        Clinical record = candidates.get(stream.nextInt(candidates.size()));
        // a physician reads the record for health-care operations (quality review): no consent for that purpose
        Access access = clinic.access(t, stream.nextInt(20), Codes.PHYSICIAN, clinic.subject(record.patient()),
                record.recordId(), Codes.PURPOSE_OPERATIONS, record.category(), null, false, true);
        DraftViolation v = new DraftViolation(Violation.ACCESS_WITHOUT_CONSENT, clinic.index, objects(clinic,
                access), List.of("recordCommitted"), List.of(record.commit()), null, 0, 0, -1, null, t);
        pending.add(new Pending(v, clinic, access));
        planner.violations.add(v);
    }

    private void categoryNotAllowed(ClinicState clinic, long day) {
        SplittableRandom stream = planner.stream(Violation.CATEGORY_NOT_ALLOWED_FOR_ROLE);
        boolean violate = planner.plantSeparately(clinic, Violation.CATEGORY_NOT_ALLOWED_FOR_ROLE,
                clinic.hipaa && day + DAY < planner.violationEnd);
        if (!violate) {
            return;
        }
        long t = day + stream.nextLong(12 * HOUR);
        List<Clinical> candidates = clinic.activeRecordsBefore(t);
        if (candidates.isEmpty()) {
            return;
        }
        Clinical record = candidates.get(stream.nextInt(candidates.size()));
        // reception may see appointment data only; it reads a clinical record, for treatment, under consent
        Access access = clinic.access(t, stream.nextInt(20), Codes.RECEPTION, clinic.subject(record.patient()),
                record.recordId(), Codes.PURPOSE_TREATMENT, record.category(),
                clinic.consent(record.patient(), Codes.PURPOSE_TREATMENT).consentId, false, true);
        Map<String, String> objects = objects(clinic, access);
        objects.put("allowedCategories", allowed(Codes.RECEPTION));
        DraftViolation v = new DraftViolation(Violation.CATEGORY_NOT_ALLOWED_FOR_ROLE, clinic.index, objects,
                List.of("recordCommitted"), List.of(record.commit()), null, 0, 0, -1, null, t);
        pending.add(new Pending(v, clinic, access));
        planner.violations.add(v);
    }

    /** 1..3 days after a withdrawal, a physician reads the patient's latest record for treatment anyway (EU). */
    void afterRevocation(ClinicState clinic, Consent consent, Draft revoke) {
        SplittableRandom stream = planner.stream(Violation.ACCESS_AFTER_REVOCATION);
        long t = consent.revokedAt + (1 + stream.nextInt(3)) * DAY + stream.nextLong(HOUR);
        Clinical record = clinic.latestRecord(consent.patient, consent.revokedAt);
        boolean violate = planner.plantSeparately(clinic, Violation.ACCESS_AFTER_REVOCATION,
                clinic.jurisdiction == Jurisdiction.EU && record != null && t < planner.violationEnd);
        if (!violate) {
            return;
        }
        Access access = clinic.access(t, stream.nextInt(20), Codes.PHYSICIAN, consent.subject, record.recordId(),
                Codes.PURPOSE_TREATMENT, record.category(), consent.consentId, false, true);
        Map<String, String> objects = objects(clinic, access);
        objects.put("consentId", hex(consent.consentId));
        DraftViolation v = new DraftViolation(Violation.ACCESS_AFTER_REVOCATION, clinic.index, objects,
                List.of("consentRevoked"), List.of(revoke), null, 0, 0, -1, null, t);
        pending.add(new Pending(v, clinic, access));
        planner.violations.add(v);
    }

    /** 1..5 days after the erased subject's key was destroyed, a physician reads the subject's record (EU). */
    void afterErasure(ClinicState clinic, int patient, byte[] keyId, byte[] requestId, long destroyed,
                      Draft destroy) {
        SplittableRandom stream = planner.stream(Violation.ACCESS_AFTER_ERASURE);
        long t = destroyed + (1 + stream.nextInt(5)) * DAY + stream.nextLong(HOUR);
        Clinical record = clinic.latestRecord(patient, destroyed);
        boolean violate = planner.plantSeparately(clinic, Violation.ACCESS_AFTER_ERASURE,
                clinic.jurisdiction == Jurisdiction.EU && destroy != null && record != null
                        && !clinic.withdrawn.contains(patient) && t < planner.violationEnd);
        if (!violate) {
            return;
        }
        Access access = clinic.access(t, stream.nextInt(20), Codes.PHYSICIAN, clinic.subject(patient),
                record.recordId(), Codes.PURPOSE_TREATMENT, record.category(),
                clinic.consent(patient, Codes.PURPOSE_TREATMENT).consentId, false, true);
        Map<String, String> objects = objects(clinic, access);
        objects.put("keyId", hex(keyId));
        objects.put("requestId", hex(requestId));
        DraftViolation v = new DraftViolation(Violation.ACCESS_AFTER_ERASURE, clinic.index, objects,
                List.of("keyDestroyed"), List.of(destroy), null, 0, 0, -1, null, t);
        pending.add(new Pending(v, clinic, access));
        planner.violations.add(v);
    }

    /** Once the log is assembled: each violation's entry path and log index, and the first checkpoint covering it. */
    void resolve() {
        for (Pending p : pending) {
            p.violation().objects().put("entry", EvidenceBundle.logPath(p.access().index));
            p.violation().objects().put("logIndex", Integer.toString(p.access().index));
            p.violation().add("checkpoint", AccessLog.coveringCheckpoint(p.clinic(), p.access().index));
        }
    }

    private static Map<String, String> objects(ClinicState clinic, Access access) {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("recorded", Instant.ofEpochSecond(access.time).toString());
        objects.put("subject", hex(access.subject));
        objects.put("recordId", hex(access.recordId));
        objects.put("role", Codes.ROLES[access.role]);
        objects.put("staff", String.format("staff-%02d", access.actor));
        objects.put("purposeId", Integer.toString(access.purpose));
        objects.put("dataCategory", Integer.toString(access.category));
        return objects;
    }

    private static String allowed(int role) {
        StringBuilder out = new StringBuilder();
        for (int category : Codes.ALLOWED_CATEGORIES[role]) {
            out.append(out.length() == 0 ? "" : ",").append(category);
        }
        return out.toString();
    }
}
