package org.custos.portal.compliance.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.domain.EvaluationMark;
import org.custos.portal.compliance.domain.FindingEvent;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;
import org.custos.portal.evidence.domain.StoredBundle;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * Findings for the pages: lists and single findings in the caller's clinic scope ({@link ClinicScope}: regulators
 * every clinic; compliance officers and DPOs their own clinic only, enforced in the query), status changes by
 * regulators and responses by the finding's clinic's compliance officers (each written to the finding's history and
 * to the trail in the same transaction, validated here, not only in the browser), and incremental re-evaluation of the on-chain
 * rules when new blocks were verified (clinics whose newest verified block did not change are skipped).
 */
@Stateless
public class ComplianceService {

    /** A clinic's state of preparation, for the readiness page. {@code asOf}: the rules' "now" (newest block). */
    public record Readiness(String clinicId, Map<String, Long> openBySeverity, Map<String, Long> openByRule,
                            long open, StoredBundle lastBundle, EvaluationMark lastEvaluation,
                            List<StoredFinding> upcoming, Instant asOf) {
    }

    /** What a refused action on a finding the caller may not see (or that does not exist) says. */
    public static final String NOT_FOUND = "There is no finding with this key that you may see; nothing was stored.";

    @Inject
    LedgerIndex ledger;

    @Inject
    ClinicScope clinicScope;

    @Inject
    CurrentUser currentUser;

    @Inject
    TrailService trail;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @EJB
    ChainEvaluator chainEvaluator;

    @Inject
    EvaluationGate gate;

    FindingRepository repository() {
        return new JpaFindingRepository(em);
    }

    /** {@code requested} with the clinic the caller may use ({@link ClinicScope#restrict}: the one scope rule). */
    private FindingRepository.Filter scoped(FindingRepository.Filter requested) {
        return new FindingRepository.Filter(clinicScope.restrict(requested.clinicId()), requested.ruleId(),
                requested.severity(), requested.status(), requested.currentOnly());
    }

    /** Findings matching {@code filter} in the caller's scope, newest first. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<StoredFinding> findings(FindingRepository.Filter filter, int first, int limit) {
        return repository().list(scoped(filter), first, Math.min(limit, 1000));
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public long count(FindingRepository.Filter filter) {
        return repository().count(scoped(filter));
    }

    /** Counts per severity, rule, status or month, grouped in the database, in the caller's scope. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Map<String, Long> countBy(FindingRepository.Filter filter, FindingRepository.Dimension by) {
        return repository().countBy(scoped(filter), by);
    }

    /**
     * A clinic's readiness: its open current findings by severity and rule, its last verified bundle, its last
     * evaluation and the open findings whose deadline is still ahead of the newest verified block. Officers and
     * DPOs get their own clinic whatever {@code clinicId} says; regulators the clinic they ask for.
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Readiness readiness(String clinicId) {
        FindingRepository.Filter open = scoped(new FindingRepository.Filter(clinicId, null, null, FindingStatus.OPEN,
                true));
        String clinic = open.clinicId();
        if (clinic == null) {
            throw new IllegalArgumentException("which clinic?");
        }
        FindingRepository repository = repository();
        Instant asOf = ledger.state().flatMap(s -> ledger.block(s.getVerifiedNumber()))
                .map(VerifiedBlock::getBlockTime).orElse(clock.instant());
        StoredBundle last = repository.bundles(clinic, 0, 1).stream().findFirst().orElse(null);
        return new Readiness(clinic, repository.countBy(open, FindingRepository.Dimension.SEVERITY),
                repository.countBy(open, FindingRepository.Dimension.RULE), repository.count(open), last,
                em.find(EvaluationMark.class, clinic), repository.deadlinesAfter(open, asOf, 20), asOf);
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<StoredFinding> findings(String ruleId, Severity severity, FindingStatus status, boolean currentOnly,
                                        int first, int limit) {
        return repository().list(clinicScope.queryScope(), ruleId, severity, status, currentOnly, first,
                Math.min(limit, 1000));
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public long count(String ruleId, Severity severity, FindingStatus status, boolean currentOnly) {
        return repository().count(clinicScope.queryScope(), ruleId, severity, status, currentOnly);
    }

    /** A finding by key, if it is in the caller's scope (another clinic's finding is simply not found). */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<StoredFinding> finding(String key) {
        return repository().find(key).filter(f -> clinicScope.mayAccess(f.getClinicId()));
    }

    /**
     * Regulators only. Refused ({@link FindingRefusedException}, or a constraint violation for the parameters):
     * a finding the caller may not see, a change to the status it already has, ACCEPTED without a reason, a reason
     * over {@link FindingEvent#MAX_NOTE} characters; nothing is stored then. Otherwise the change is written to the
     * finding's history and to the trail (old and new status, reason) in one transaction.
     */
    @RolesAllowed(Roles.REGULATOR)
    public StoredFinding changeStatus(@NotBlank(message = "Which finding?") String key,
                                      @NotNull(message = "Choose a status.") FindingStatus to,
                                      @Size(max = FindingEvent.MAX_NOTE, message = "The reason is longer than "
                                              + FindingEvent.MAX_NOTE + " characters; nothing was changed.")
                                      String reason) {
        StoredFinding f = finding(key).orElseThrow(() -> new FindingRefusedException(NOT_FOUND));
        FindingStatus from = f.getStatus();
        if (from == to) {
            throw new FindingRefusedException("The finding is already " + to + "; nothing was changed.");
        }
        if (to == FindingStatus.ACCEPTED && (reason == null || reason.isBlank())) {
            throw new FindingRefusedException("Accepting a finding needs a reason.");
        }
        Instant now = clock.instant();
        f.changeStatus(to, reason, currentUser.getName(), now);
        em.persist(FindingEvent.statusChanged(f, from, currentUser.getName(), Roles.REGULATOR, now));
        trail.record(me(), TrailAction.FINDING_STATUS_CHANGED, "finding", key, from + " -> " + to
                + (f.getStatusReason() == null ? "" : ": " + f.getStatusReason()));
        return f;
    }

    /**
     * Compliance officers of the finding's clinic only (another clinic's finding is refused as not found, like a key
     * that does not exist): a response or remediation note, with an optional reference to a document the clinic
     * holds (an id or address; no file is uploaded). Kept in the finding's history and on the trail.
     */
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    public FindingEvent respond(@NotBlank(message = "Which finding?") String key,
                                @NotBlank(message = "A response needs a text.")
                                @Size(max = FindingEvent.MAX_NOTE, message = "The response is longer than "
                                        + FindingEvent.MAX_NOTE + " characters; nothing was stored.") String note,
                                @Size(max = FindingEvent.MAX_REFERENCE, message = "The reference is longer than "
                                        + FindingEvent.MAX_REFERENCE + " characters; nothing was stored.")
                                String reference) {
        StoredFinding f = finding(key).orElseThrow(() -> new FindingRefusedException(NOT_FOUND));
        FindingEvent response;
        try {
            response = FindingEvent.response(f, note, reference, currentUser.getName(), Roles.COMPLIANCE_OFFICER,
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw new FindingRefusedException(e.getMessage());
        }
        em.persist(response);
        trail.record(me(), TrailAction.FINDING_RESPONSE_ADDED, "finding", key, "clinic " + f.getClinicId()
                + "; response: " + response.getNote()
                + (response.getReference() == null ? "" : "; reference: " + response.getReference()));
        return response;
    }

    /** The finding's history, oldest first (status changes and responses), if the caller may see the finding. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<FindingEvent> history(String key) {
        if (finding(key).isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from FindingEvent e where e.findingKey = :key order by e.id",
                FindingEvent.class).setParameter("key", key).getResultList();
    }

    /**
     * Re-evaluates the rules that need no bundle for every clinic whose newest verified block changed since its
     * last evaluation (as the background {@link ChainEvaluationScheduler} does); returns the clinics evaluated.
     * Bundle rules keep the findings of the clinic's last upload.
     */
    @RolesAllowed(Roles.REGULATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> reevaluateChain() {
        return gate.exclusively(chainEvaluator::reevaluate);
    }

    SignedInUser me() {
        return new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                currentUser.getClinicId());
    }
}
