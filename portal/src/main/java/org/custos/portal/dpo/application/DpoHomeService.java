package org.custos.portal.dpo.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.application.ProvenEvents;
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.Roles;

/**
 * The DPO's start page, for the caller's own clinic: requests due within 7 days and late ones (the queue's states,
 * {@link RequestQueueService}), erasure cases whose key destructions are not all backed by a
 * verified KMS receipt ({@link ReceiptStatuses}: uploaded for the request, or in the last verified bundle), and
 * the newest findings of the rules a DPO owns (erasure, data-subject requests, consent, minimisation).
 */
@Stateless
public class DpoHomeService {

    /** The rule id patterns a DPO owns (GDPR-ER-*, *-DSR-*, *-CON-*, *-MIN-*). */
    static final List<String> DPO_RULES = List.of("GDPR-ER-%", "%-DSR-%", "%-CON-%", "%-MIN-%");

    /** An erasure request with keys destroyed but without a verified receipt for every one of them. */
    public record OpenErasure(String requestId, Instant received, int keysDestroyed, int receiptsVerified) {
    }

    @Inject
    LedgerIndex index;

    @Inject
    ClinicScope scope;

    @EJB
    ReceiptStatuses receipts;

    @EJB
    RequestQueueService queue;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @RolesAllowed({Roles.DPO, Roles.COMPLIANCE_OFFICER})
    public List<OpenErasure> erasuresWithoutVerifiedReceipt(int limit) {
        String clinic = scope.queryScope();
        List<ProvenEvent> events = ProvenEvents.load(index, clinic);
        Map<String, List<ProvenEvent>> keysOf = new HashMap<>();
        Map<String, ProvenEvent> destroyed = new HashMap<>();
        for (ProvenEvent e : events) {
            if (e.name().equals("KeyRegistered")) {
                keysOf.computeIfAbsent(e.field("subjectPseudonym"), s -> new ArrayList<>()).add(e);
            } else if (e.name().equals("KeyDestroyed")) {
                destroyed.putIfAbsent(e.field("keyId"), e);
            }
        }
        List<OpenErasure> out = new ArrayList<>();
        ReceiptStatuses.Clinic sources = receipts.of(clinic);
        for (ProvenEvent r : events) {
            if (!r.name().equals("RequestReceived") || r.intField("requestType") != 1) {
                continue;
            }
            List<ProvenEvent> gone = new ArrayList<>();
            for (ProvenEvent key : keysOf.getOrDefault(r.field("subjectPseudonym"), List.of())) {
                ProvenEvent d = destroyed.get(key.field("keyId"));
                if (d != null) {
                    gone.add(d);
                }
            }
            int verified = (int) sources.statuses(r.field("requestId"), gone).values().stream()
                    .filter(ReceiptStatuses.Status::verified).count();
            if (!gone.isEmpty() && verified < gone.size()) {
                out.add(new OpenErasure(r.field("requestId"), r.time(), gone.size(), verified));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The own clinic's open requests in {@code state} (due within 7 days, or late), soonest deadline first. */
    @RolesAllowed({Roles.DPO, Roles.COMPLIANCE_OFFICER})
    public List<DsrRequest> requestsIn(RequestClock.State state, int limit) {
        return queue.requests(new DsrRequestQuery(null, java.util.Set.of(state), null, null, null, null, null,
                DsrRequestQuery.Sort.DEADLINE, true), 0, limit);
    }

    @RolesAllowed({Roles.DPO, Roles.COMPLIANCE_OFFICER})
    public List<StoredFinding> newestDpoFindings(int limit) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < DPO_RULES.size(); i++) {
            rules.append(i == 0 ? "" : " or ").append("f.ruleId like :r").append(i);
        }
        var query = em.createQuery("select f from StoredFinding f where f.clinicId = :clinic and f.current = true "
                + "and (" + rules + ") order by f.firstSeen desc, f.key", StoredFinding.class)
                .setParameter("clinic", scope.queryScope()).setMaxResults(limit);
        for (int i = 0; i < DPO_RULES.size(); i++) {
            query.setParameter("r" + i, DPO_RULES.get(i));
        }
        return query.getResultList();
    }
}
