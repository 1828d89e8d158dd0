package org.custos.portal.compliance.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvaluationMark;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.DsrRequestRepository;
import org.custos.portal.dpo.infrastructure.JpaDsrRequestRepository;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.PersonalDataHit;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;

/**
 * Incremental re-evaluation of the rules that need no bundle: for every clinic whose newest verified block changed
 * since its last evaluation ({@code compliance_evaluation.input_mark}), the on-chain rules run over its proven
 * events as of the newest verified block's time, and their findings are merged (bundle rules keep the findings of
 * the clinic's last upload). The ledger-wide personal-data hits go to the clinic whose writer sent their transaction,
 * the others to the consortium scope ({@link ClinicFacts#CONSORTIUM}, evaluated like a clinic with the ledger-wide
 * rules only; regulators alone see it). In the same transaction, each clinic's data-subject request queue
 * ({@code dsr_request}, {@link DsrRequestProjection}) is rebuilt as of the same time when its projection is not at the
 * newest verified block (also once after migration V10, whatever the findings' mark says). Called by {@link ChainEvaluationScheduler} in the background and by
 * {@link ComplianceService#reevaluateChain()} for regulators; no page reaches it otherwise. Run it through
 * {@link EvaluationGate} from outside a transaction: it commits in its own.
 */
@Stateless
@PermitAll
public class ChainEvaluator {

    @Inject
    LedgerIndex ledger;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    private final RulesEngine engine = RulesEngine.standard();

    /** Returns the clinics evaluated (none when nothing changed or nothing is verified yet). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> reevaluate() {
        Optional<SyncState> state = ledger.state();
        if (state.isEmpty()) {
            return List.of();
        }
        long head = state.get().getVerifiedNumber();
        Instant asOf = ledger.block(head).map(VerifiedBlock::getBlockTime).orElse(null);
        if (asOf == null) {
            return List.of();
        }
        String mark = "block:" + head;
        Set<String> chainRules = engine.rules().stream().filter(r -> !r.needsBundle()).map(Rule::id)
                .collect(Collectors.toSet());
        RulesEngine chainOnly = new RulesEngine(engine.rules().stream().filter(r -> !r.needsBundle()).toList());
        JpaFindingRepository repository = new JpaFindingRepository(em);
        List<String> evaluated = new ArrayList<>();
        Map<String, List<PersonalDataHit>> personalData = null;
        List<String> scopes = new ArrayList<>(ledger.clinics());
        scopes.add(ClinicFacts.CONSORTIUM);
        DsrRequestRepository requests = new JpaDsrRequestRepository(em);
        for (String clinic : scopes) {
            boolean consortium = clinic.equals(ClinicFacts.CONSORTIUM);
            EvaluationMark last = em.find(EvaluationMark.class, clinic);
            boolean findingsCurrent = last != null && last.getInputMark().startsWith(mark + "|");
            boolean queueCurrent = consortium || requests.projection(clinic)
                    .map(p -> p.getVerifiedBlock() == head).orElse(false);
            if (findingsCurrent && queueCurrent) {
                continue;
            }
            List<ProvenEvent> events = consortium ? List.of() : ProvenEvents.load(ledger, clinic);
            if (!findingsCurrent) {
                if (personalData == null) {
                    personalData = ProvenEvents.personalDataByScope(ledger, em);
                }
                evaluate(clinic, events, personalData.getOrDefault(clinic, List.of()), asOf, last, mark,
                        chainRules, chainOnly, repository);
                evaluated.add(clinic);
            }
            if (!queueCurrent) {
                // the DPO's request queue: judged as of the same time as the findings, in the same transaction
                requests.replace(clinic, DsrRequestProjection.project(clinic, events, asOf), head, asOf);
            }
        }
        return evaluated;
    }

    private void evaluate(String clinic, List<ProvenEvent> events, List<PersonalDataHit> hits, Instant asOf,
                          EvaluationMark last, String mark, Set<String> chainRules, RulesEngine chainOnly,
                          JpaFindingRepository repository) {
        List<Finding> findings = clinic.equals(ClinicFacts.CONSORTIUM)
                ? chainOnly.evaluateConsortium(ClinicFacts.consortium(hits, asOf))
                : chainOnly.evaluate(new ClinicFacts(clinic, events, null, null, asOf).withPersonalData(hits));
        Instant now = clock.instant();
        FindingMerger.merge(repository, clinic, findings, s -> chainRules.contains(s.getRuleId()), mark, now);
        String full = mark + "|" + (last == null ? "bundle:none" : last.getInputMark()
                .substring(last.getInputMark().indexOf('|') + 1));
        if (last == null) {
            em.persist(new EvaluationMark(clinic, full, now, findings.size()));
        } else {
            last.update(full, now, findings.size());
        }
    }
}
