package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.DAY;
import static org.custos.consortium.sim.Simulator.HOUR;
import static org.custos.consortium.sim.Simulator.START;
import static org.custos.consortium.sim.Simulator.bytes;
import static org.custos.consortium.sim.Simulator.key;
import static org.custos.consortium.sim.Simulator.monthStart;
import static org.custos.consortium.sim.Simulator.plusMonths;
import static org.custos.consortium.sim.Simulator.sha256;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.web3j.abi.datatypes.Function;

/**
 * One planning run: the shared random source, the clinics, the drafted writes and violations, and the month loop
 * that calls the planners of each concern ({@link ClinicHistory} visits, consents and disclosures,
 * {@link RequestPlanning} data-subject requests, {@link BreachPlanning} breaches, {@link LogViolations} the
 * off-chain log violations). {@link #finish()} orders the writes in time and resolves the violations.
 */
final class Planner {

    /** Day of the month (from 0) of each clinic's checkpoint. */
    static final int CHECKPOINT_DAY = 27;

    /** The erasure violation each month's erasure request is an opportunity for (month mod 3). */
    static final Violation[] ERASURE_KINDS = {Violation.KMS_RECEIPT_WRONG_SIGNER,
        Violation.ERASURE_KEY_NOT_DESTROYED, Violation.LATE_ERASURE};

    final SimulationParameters parameters;
    final SplittableRandom random;
    final List<ClinicState> clinics = new ArrayList<>();
    final List<Draft> drafts = new ArrayList<>();
    final List<DraftViolation> violations = new ArrayList<>();
    /** The planned time of the last checkpoint: off-chain violations are recorded before it. */
    final long historyEnd;
    /** Violating access-log entries are recorded before the last month, which ends with ordinary entries. */
    final long violationEnd;
    final Retention retention;
    final CareViolations care;
    private final Map<Violation, SplittableRandom> streams = new EnumMap<>(Violation.class);
    private final ClinicHistory history;
    private final RequestPlanning requests;
    private final BreachPlanning breaches;
    private final LogViolations logViolations;

    Planner(SimulationParameters parameters) {
        this.parameters = parameters;
        this.random = new SplittableRandom(parameters.seed());
        this.historyEnd = monthStart(parameters.months() - 1) + CHECKPOINT_DAY * DAY;
        this.violationEnd = monthStart(parameters.months() - 1);
        this.retention = new Retention(this);
        this.care = new CareViolations(this);
        this.history = new ClinicHistory(this);
        this.requests = new RequestPlanning(this);
        this.breaches = new BreachPlanning(this);
        this.logViolations = new LogViolations(this);
    }

    Draft add(int clinic, Target target, Function function, long time) {
        Draft draft = new Draft(clinic, target, function, time, drafts.size());
        drafts.add(draft);
        return draft;
    }

    /** Draws whether an opportunity becomes a violation; always draws, so toggles do not shift other choices. */
    boolean plant(ClinicState clinic, Violation kind, boolean eligible) {
        double draw = random.nextDouble();
        return eligible && !clinic.clean && draw < parameters.rate(kind);
    }

    /**
     * The random stream of one violation kind (seeded from the seed and the kind's name): the newer kinds draw their
     * opportunity and their details from it, so that switching one kind on or off changes no choice of another.
     */
    SplittableRandom stream(Violation kind) {
        return streams.computeIfAbsent(kind, k -> new SplittableRandom(parameters.seed()
                ^ (0x9E3779B97F4A7C15L * (k.name().hashCode() | 1L))));
    }

    /** Like {@link #plant} but drawing from the kind's own stream. */
    boolean plantSeparately(ClinicState clinic, Violation kind, boolean eligible) {
        double draw = stream(kind).nextDouble();
        return eligible && !clinic.clean && draw < parameters.rate(kind);
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
            add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId, Codes.DOC_ROPA,
                    sha256(clinic.documents.get(Documents.ROPA)), 1), t);
            add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId, Codes.DOC_DPIA,
                    sha256(clinic.documents.get(Documents.DPIA)), 1), t + 1);
            add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId, Codes.DOC_ACCESS_POLICY,
                    sha256(clinic.documents.get(Documents.ACCESS_POLICY)), 1), t + 2);
            add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId, Codes.DOC_ROPA_JSON,
                    sha256(clinic.documents.get(Documents.ROPA_JSON)), 1), t + 3);
            add(clinic.index, Target.ACCOUNTABILITY, Calls.anchorDocument(clinic.clinicId,
                    Codes.DOC_ACCESS_POLICY_JSON, sha256(clinic.documents.get(Documents.ACCESS_POLICY_JSON)), 1),
                    t + 4);
        }
        for (int patient = 0; patient < parameters.patients(); patient++) {
            clinics.get(random.nextInt(parameters.clinics())).patients.add(patient);
        }
        for (int month = 0; month < parameters.months(); month++) {
            for (ClinicState clinic : clinics) {
                simulateMonth(clinic, month);
            }
        }
        long lastTime = drafts.stream().mapToLong(d -> d.time).max().orElse(START);
        for (ClinicState clinic : clinics) {
            retention.finish(clinic, lastTime);
            AccessLog.assemble(clinic);
            int rewrittenAfter = logViolations.rewrite(clinic);
            AccessLog.anchor(clinic, logViolations.rewritten, rewrittenAfter);
            AccessLog.reviews(clinic);
        }
        care.resolve();
        for (ClinicState clinic : clinics) {
            logViolations.bundle(clinic);
        }
        return finish();
    }

    private void simulateMonth(ClinicState clinic, int month) {
        long start = monthStart(month);
        history.visits(clinic, month, start);
        retention.month(clinic, start, monthStart(month + 1));
        care.month(clinic, start);
        if (month % 3 == clinic.index % 3) {
            history.revokeSomeConsent(clinic, start + 21 * DAY);
        }
        history.disclosure(clinic, start + 21 * DAY + 2 * HOUR);
        boolean eu = clinic.jurisdiction == Jurisdiction.EU;
        long requestTime = start + 22 * DAY;
        // one erasure a month; the violation it is an opportunity for rotates
        requests.erasure(clinic, requestTime, ERASURE_KINDS[month % ERASURE_KINDS.length], eu);
        requests.access(clinic, requestTime + 3 * HOUR, Violation.LATE_ANSWER, eu);
        requests.access(clinic, requestTime + 4 * HOUR, Violation.LATE_EXTENSION, eu);
        if (month % 2 == clinic.index % 2) {
            breaches.breach(clinic, start + 15 * DAY);
        }
        // the root is fixed once the whole log is assembled (AccessLog.anchor)
        clinic.checkpoints.add(add(clinic.index, Target.RECORDS, null, start + CHECKPOINT_DAY * DAY));
        clinic.checkpointTimes.add(start + CHECKPOINT_DAY * DAY);
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

    /** Orders the drafts by time (ties by draft order), makes timestamps strictly increase, resolves violations. */
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
            for (int i = 0; i < v.drafts().size(); i++) {
                refs.add(new PlannedViolation.Ref(v.roles().get(i), index.get(v.drafts().get(i))));
            }
            long deadline = v.deadlineFrom() == null ? v.fixedDeadline()
                    : plusMonths(writes.get(index.get(v.deadlineFrom())).timestamp(), v.deadlineMonths())
                    + v.deadlineOffset();
            long actual = v.actual() == null ? v.fixedActual() : writes.get(index.get(v.actual())).timestamp();
            planted.add(new PlannedViolation(v.kind(), v.clinic(), v.objects(), refs, deadline, actual));
        }
        for (ClinicState clinic : clinics) {
            for (int k = 0; k < clinic.checkpoints.size(); k++) {
                long time = writes.get(index.get(clinic.checkpoints.get(k))).timestamp();
                clinic.treeHeads.add(SignedTreeHead.sign(clinic.clinicId, clinic.checkpointSizes.get(k),
                        clinic.checkpointRoots.get(k), time, clinic.logSigner));
            }
        }
        return new Plan(parameters, clinics.stream().map(ClinicState::toClinic).toList(), writes, planted);
    }
}
