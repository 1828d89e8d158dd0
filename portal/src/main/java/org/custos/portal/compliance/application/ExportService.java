package org.custos.portal.compliance.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.compliance.export.ChainRef;
import org.custos.portal.compliance.export.DisclosuresQuery;
import org.custos.portal.compliance.export.ExportedDisclosure;
import org.custos.portal.compliance.export.ExportedFinding;
import org.custos.portal.compliance.export.FindingsQuery;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * Exports in the caller's clinic scope, streamed page by page to a sink (never the whole list in memory):
 * findings with their proofs, and a data subject's accounting of disclosures (proven {@code DisclosureRecorded}
 * events). Scope is a condition of every query: regulators get every clinic or the one they ask for; compliance
 * officers and DPOs only the clinic of their token's {@code clinic_id} claim (mapped to its on-chain id by
 * {@code custos.ledger.clinics}, as the ledger pages do), whatever clinic they ask for; a clinic-bound user
 * whose clinic is not mapped gets an empty export, never everything. Pages are read by key (keyset paging),
 * outside a transaction, so a long download holds no transaction open.
 */
@Stateless
@RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportService {

    /** Rows read per query. */
    static final int PAGE = 200;

    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-f]{64}");

    /** Receives exported items in order; may write them to the response as they come. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T item) throws IOException;
    }

    /** The clinic an export is limited to: {@code all} (regulator, no clinic asked), one clinic, or none. */
    public record Scope(boolean all, String clinicId) {

        static final Scope NONE = new Scope(false, null);

        public boolean none() {
            return !all && clinicId == null;
        }
    }

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClinicScope clinicScope;

    @Inject
    LedgerConfiguration configuration;

    @Inject
    TrailService trail;

    /**
     * The clinic scope for a request that asked for {@code requestedClinic} (null: not asked), as
     * {@link ClinicScope#restrict} decides it.
     */
    public Scope scope(String requestedClinic) {
        String clinic = clinicScope.restrict(requestedClinic);
        if (clinic == null) {
            return clinicScope.allClinics() ? new Scope(true, null) : Scope.NONE;
        }
        return ClinicScope.NO_CLINIC.equals(clinic) ? Scope.NONE : new Scope(false, clinic);
    }

    /**
     * Writes the download to the portal's trail before any byte of it is sent (its own transaction): who, which
     * export, the clinic scope actually applied and the filters (for disclosures, the subject's pseudonym).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordDownload(String file, Scope scope, String filters) {
        String clinic = clinicScope.allClinics() ? null : currentUser.getClinicId();
        SignedInUser me = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()), clinic);
        String applied = scope.all() ? "all clinics" : scope.none() ? "no clinic" : "clinic " + scope.clinicId();
        trail.record(me, TrailAction.EXPORT_DOWNLOADED, "export", file, applied + "; " + filters);
    }

    /** Which chain the proofs are on (the pinned checkpoint). */
    public ChainRef chain() {
        LedgerSettings s = configuration.settings();
        return s.syncEnabled() ? new ChainRef(s.checkpoint().number(), s.checkpoint().hash()) : new ChainRef(null, null);
    }

    /** Findings matching {@code q} in the caller's scope, in finding-key order; returns how many. */
    public long findings(FindingsQuery q, Sink<ExportedFinding> sink) throws IOException {
        Scope scope = scope(q.clinicId());
        if (scope.none()) {
            return 0;
        }
        long count = 0;
        String after = "";
        while (true) {
            List<StoredFinding> page = findingPage(scope, q, after);
            List<ExportedFinding> exported = page.stream().map(f -> ExportedFinding.of(f, n -> null)).toList();
            Set<Long> numbers = new TreeSet<>();
            exported.forEach(f -> numbers.addAll(f.blockNumbers()));
            Map<Long, VerifiedBlock> blocks = blocks(numbers);
            for (ExportedFinding f : exported) {
                sink.accept(f.withBlockHashes(n -> blocks.containsKey(n) ? blocks.get(n).getHash() : null));
                count++;
            }
            if (page.size() < PAGE) {
                return count;
            }
            after = page.get(page.size() - 1).getKey();
            em.clear();
        }
    }

    /**
     * The accounting of disclosures of {@code q.subject()} (on-chain pseudonym) in the caller's scope: every
     * proven DisclosureRecorded event naming that subject, in chain order; returns how many.
     */
    public long disclosures(DisclosuresQuery q, Sink<ExportedDisclosure> sink) throws IOException {
        if (q.subject() == null || !BYTES32.matcher(q.subject()).matches()) {
            throw new IllegalArgumentException("subject must be a lower-case 0x bytes32 pseudonym");
        }
        Scope scope = scope(q.clinicId());
        if (scope.none()) {
            return 0;
        }
        long count = 0;
        long after = -1;
        while (true) {
            List<VerifiedEvent> page = disclosurePage(scope, q.subject(), after);
            Set<Long> numbers = new TreeSet<>();
            page.forEach(e -> numbers.add(e.getBlockNumber()));
            Map<Long, VerifiedBlock> blocks = blocks(numbers);
            for (VerifiedEvent e : page) {
                VerifiedBlock b = blocks.get(e.getBlockNumber());
                ProvenEvent proven = ProvenEvent.of(e, b == null ? null : b.getReceiptsRoot());
                // the topic match selects; the decoded field decides
                if (q.subject().equals(proven.fields().get("subjectPseudonym"))) {
                    sink.accept(ExportedDisclosure.of(proven, b == null ? null : b.getHash()));
                    count++;
                }
            }
            if (page.size() < PAGE) {
                return count;
            }
            after = page.get(page.size() - 1).getId();
            em.clear();
        }
    }

    private List<StoredFinding> findingPage(Scope scope, FindingsQuery q, String after) {
        StringBuilder jpql = new StringBuilder("select f from StoredFinding f where f.key > :after");
        if (!scope.all()) {
            jpql.append(" and f.clinicId = :clinic");
        }
        if (q.ruleId() != null) {
            jpql.append(" and f.ruleId = :rule");
        }
        if (q.severity() != null) {
            jpql.append(" and f.severity = :severity");
        }
        if (q.status() != null) {
            jpql.append(" and f.status = :status");
        }
        if (q.currentOnly()) {
            jpql.append(" and f.current = true");
        }
        TypedQuery<StoredFinding> query = em.createQuery(jpql.append(" order by f.key").toString(),
                StoredFinding.class).setParameter("after", after);
        if (!scope.all()) {
            query.setParameter("clinic", scope.clinicId());
        }
        if (q.ruleId() != null) {
            query.setParameter("rule", q.ruleId());
        }
        if (q.severity() != null) {
            query.setParameter("severity", q.severity().name());
        }
        if (q.status() != null) {
            query.setParameter("status", q.status());
        }
        return query.setMaxResults(PAGE).getResultList();
    }

    private List<VerifiedEvent> disclosurePage(Scope scope, String subject, long after) {
        // DisclosureRecorded's topics: signature, clinicId, disclosureId, subjectPseudonym (the last)
        String jpql = "select e from VerifiedEvent e where e.eventName = :name and e.topics like :subject"
                + " and e.id > :after" + (scope.all() ? "" : " and e.clinicId = :clinic") + " order by e.id";
        TypedQuery<VerifiedEvent> query = em.createQuery(jpql, VerifiedEvent.class)
                .setParameter("name", ExportedDisclosure.EVENT)
                .setParameter("subject", "%," + subject)
                .setParameter("after", after);
        if (!scope.all()) {
            query.setParameter("clinic", scope.clinicId());
        }
        return query.setMaxResults(PAGE).getResultList();
    }

    private Map<Long, VerifiedBlock> blocks(Set<Long> numbers) {
        Map<Long, VerifiedBlock> blocks = new HashMap<>();
        if (numbers.isEmpty()) {
            return blocks;
        }
        em.createQuery("select b from VerifiedBlock b where b.number in :numbers", VerifiedBlock.class)
                .setParameter("numbers", numbers).getResultList().forEach(b -> blocks.put(b.getNumber(), b));
        return blocks;
    }
}
