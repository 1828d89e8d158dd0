package org.custos.portal.compliance.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.compliance.export.RecipientNames;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.application.ClinicNames;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.Roles;

/**
 * What the findings dashboard needs besides counts: the findings table in a chosen order, the regimes of the
 * clinics in the caller's scope (for the rule filter and the accounting's legal label), the data subjects that
 * appear in the proven disclosures of those clinics (to pick a subject for an accounting of disclosures), and the
 * names of recipients. Every query is limited to the caller's clinic scope ({@link ClinicScope#restrict}: officers
 * and DPOs their own clinic whatever they ask).
 */
@Stateless
@RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
public class DashboardService {

    /** The most subjects offered for picking (the newest disclosures first). */
    public static final int MAX_SUBJECTS = 500;

    /** The most disclosure events read for the subject list (the newest), so that a page load stays bounded. */
    public static final int MAX_DISCLOSURES_READ = 20_000;

    private static final List<String> PROFILE_EVENTS = List.of("ClinicAdmitted", "ClinicUpdated");

    /** A data subject with proven disclosures in scope: pseudonym, how many, the newest block time. */
    public record Subject(String pseudonym, long disclosures, Instant last) implements Serializable {
    }

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @Inject
    ClinicScope clinicScope;

    @Inject
    LedgerIndex ledger;

    @Inject
    ClinicNames clinicNames;

    /** Findings matching {@code filter} in the caller's scope, in the order of {@code sort}. */
    public List<StoredFinding> findings(FindingRepository.Filter filter, FindingRepository.Sort sort, int first,
                                        int limit) {
        FindingRepository.Filter scoped = new FindingRepository.Filter(clinicScope.restrict(filter.clinicId()),
                filter.ruleId(), filter.severity(), filter.status(), filter.currentOnly());
        return new JpaFindingRepository(em).list(scoped, sort, first, Math.min(limit, 1000));
    }

    /**
     * The regimes of each clinic in scope (the latest proven ClinicAdmitted/ClinicUpdated), by clinic id; a clinic
     * the chain has not admitted is absent. One query.
     */
    public Map<String, Regimes> regimes(String requestedClinic) {
        String clinic = clinicScope.restrict(requestedClinic);
        TypedQuery<VerifiedEvent> q = em.createQuery("select e from VerifiedEvent e where e.eventName in :names"
                + (clinic == null ? "" : " and e.clinicId = :clinic") + " order by e.id", VerifiedEvent.class)
                .setParameter("names", PROFILE_EVENTS);
        if (clinic != null) {
            q.setParameter("clinic", clinic);
        }
        Map<String, Regimes> regimes = new LinkedHashMap<>();
        for (VerifiedEvent e : q.getResultList()) {
            ProvenEvent p = ProvenEvent.of(e, null);
            regimes.put(p.clinicId(), Regimes.of(p.intField("jurisdiction"),
                    Boolean.parseBoolean(p.field("hipaaCoveredEntity"))));
        }
        return regimes;
    }

    /** The caller's own clinic's regimes (empty for regulators, unmapped callers and clinics not admitted). */
    public Optional<Regimes> ownRegimes() {
        if (clinicScope.allClinics()) {
            return Optional.empty();
        }
        String own = clinicScope.queryScope();
        return Optional.ofNullable(regimes(null).get(own));
    }

    /**
     * The data subjects of the proven DisclosureRecorded events in scope, newest disclosure first, at most
     * {@link #MAX_SUBJECTS}, from the newest {@link #MAX_DISCLOSURES_READ} disclosures (counts are of those). One
     * query over the clinic's disclosure events (the subject is a decoded field).
     */
    public List<Subject> disclosureSubjects(String requestedClinic) {
        String clinic = clinicScope.restrict(requestedClinic);
        TypedQuery<VerifiedEvent> q = em.createQuery("select e from VerifiedEvent e where e.eventName = :name"
                + (clinic == null ? "" : " and e.clinicId = :clinic") + " order by e.id desc", VerifiedEvent.class)
                .setParameter("name", "DisclosureRecorded");
        if (clinic != null) {
            q.setParameter("clinic", clinic);
        }
        q.setMaxResults(MAX_DISCLOSURES_READ);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Instant> last = new LinkedHashMap<>();
        for (VerifiedEvent e : q.getResultList()) {
            String subject = ProvenEvent.of(e, null).fields().get("subjectPseudonym");
            if (subject == null) {
                continue;
            }
            counts.computeIfAbsent(subject, s -> new long[1])[0]++;
            last.putIfAbsent(subject, e.getBlockTime());
        }
        List<Subject> subjects = new ArrayList<>();
        counts.forEach((s, n) -> subjects.add(new Subject(s, n[0], last.get(s))));
        subjects.sort(Comparator.comparing(Subject::last, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Subject::pseudonym));
        return subjects.size() > MAX_SUBJECTS ? List.copyOf(subjects.subList(0, MAX_SUBJECTS)) : subjects;
    }

    /** Names of recipients: the consortium's clinics (on chain and in the clinic register); others unregistered. */
    public RecipientNames recipientNames() {
        return new RecipientNames(clinicNames.directory(), new HashSet<>(ledger.clinics()));
    }
}
