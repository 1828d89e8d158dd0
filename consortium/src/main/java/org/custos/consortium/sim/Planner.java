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
import java.util.List;
import java.util.SplittableRandom;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.PlannedWrite.Target;
import org.custos.verify.merkle.MerkleTree;
import org.web3j.abi.datatypes.Function;

/**
 * One planning run: the shared random source, the clinics, the drafted writes and violations, and the month loop
 * that calls the planners of each concern ({@link ClinicHistory} visits, consents and disclosures,
 * {@link RequestPlanning} data-subject requests, {@link BreachPlanning} breaches, {@link LogViolations} the
 * off-chain log violations). {@link #finish()} orders the writes in time and resolves the violations.
 */
final class Planner {

    static final int DOC_ROPA = 1;
    static final int DOC_DPIA = 2;

    final SimulationParameters parameters;
    final SplittableRandom random;
    final List<ClinicState> clinics = new ArrayList<>();
    final List<Draft> drafts = new ArrayList<>();
    final List<DraftViolation> violations = new ArrayList<>();
    private final ClinicHistory history;
    private final RequestPlanning requests;
    private final BreachPlanning breaches;
    private final LogViolations logViolations;

    Planner(SimulationParameters parameters) {
        this.parameters = parameters;
        this.random = new SplittableRandom(parameters.seed());
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
            logViolations.plan(clinic);
        }
        return finish();
    }

    private void simulateMonth(ClinicState clinic, int month) {
        long start = monthStart(month);
        history.visits(clinic, month, start);
        history.revokeSomeConsent(clinic, start + 21 * DAY);
        history.disclosure(clinic, start + 21 * DAY + 2 * HOUR);
        boolean eu = clinic.jurisdiction == Jurisdiction.EU;
        long requestTime = start + 22 * DAY;
        requests.erasure(clinic, requestTime, Violation.LATE_ERASURE, eu);
        requests.erasure(clinic, requestTime + HOUR, Violation.ERASURE_KEY_NOT_DESTROYED, eu);
        requests.erasure(clinic, requestTime + 2 * HOUR, Violation.KMS_RECEIPT_WRONG_SIGNER, eu);
        requests.access(clinic, requestTime + 3 * HOUR, Violation.LATE_ANSWER, eu);
        requests.access(clinic, requestTime + 4 * HOUR, Violation.LATE_EXTENSION, eu);
        if (month % 2 == clinic.index % 2) {
            breaches.breach(clinic, start + 15 * DAY);
        }
        clinic.checkpoints.add(add(clinic.index, Target.RECORDS, Calls.checkpoint(clinic.clinicId,
                clinic.leafHashes.size(), MerkleTree.rootHash(clinic.leafHashes)), start + 27 * DAY));
        clinic.checkpointSizes.add(clinic.leafHashes.size());
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
                    : plusMonths(writes.get(index.get(v.deadlineFrom())).timestamp(), v.deadlineMonths());
            long actual = v.actual() == null ? -1 : writes.get(index.get(v.actual())).timestamp();
            planted.add(new PlannedViolation(v.kind(), v.clinic(), v.objects(), refs, deadline, actual));
        }
        return new Plan(parameters, clinics.stream().map(ClinicState::toClinic).toList(), writes, planted);
    }
}
