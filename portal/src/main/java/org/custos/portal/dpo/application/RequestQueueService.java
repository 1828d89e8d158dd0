package org.custos.portal.dpo.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.dpo.domain.DsrRequestRepository;
import org.custos.portal.dpo.infrastructure.JpaDsrRequestRepository;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * The data-subject request queue in the caller's clinic scope ({@link ClinicScope}, the one rule: regulators every
 * clinic or the one they choose; compliance officers and DPOs their own clinic, whatever a parameter asks; a
 * clinic-bound caller whose clinic is not mapped sees nothing). Another clinic's request is simply not found. Read
 * only: the rows are the chain evaluation's projection ({@code dsr_request}), judged as of the newest verified
 * block's time, the "now" of the rules.
 */
@Stateless
@RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
public class RequestQueueService {

    /** The most rows one page may ask for. */
    public static final int MAX_PAGE = 1000;
    /** Rows read per query of a download. */
    static final int EXPORT_PAGE = 500;

    /** Receives exported rows in order; may write them to the response as they come. */
    @FunctionalInterface
    public interface Sink {
        void accept(DsrRequest row) throws IOException;
    }

    @Inject
    ClinicScope clinicScope;

    @Inject
    CurrentUser currentUser;

    @Inject
    TrailService trail;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    DsrRequestRepository repository() {
        return new JpaDsrRequestRepository(em);
    }

    /** {@code q} with the clinic the caller may use ({@link ClinicScope#restrict}). */
    DsrRequestQuery scoped(DsrRequestQuery q) {
        return q.withClinic(clinicScope.restrict(q.clinicId()));
    }

    /** The clinic the caller's query runs on: null every clinic (regulators), else one clinic or NO_CLINIC. */
    public String clinicOf(String requested) {
        return clinicScope.restrict(requested);
    }

    /** A page of the requests matching {@code q} in the caller's scope, in {@code q}'s order. */
    public List<DsrRequest> requests(DsrRequestQuery q, int first, int limit) {
        int rows = Math.min(limit, MAX_PAGE);
        return rows <= 0 ? List.of() : repository().page(scoped(q), Math.max(0, first), rows);
    }

    public long count(DsrRequestQuery q) {
        return repository().count(scoped(q));
    }

    /** How many requests matching {@code q} are in each state, in the caller's scope. */
    public Map<State, Long> countByState(DsrRequestQuery q) {
        return repository().countByState(scoped(q));
    }

    /**
     * The time the queue of {@code requestedClinic} (regulators; null every clinic) or of the caller's own clinic is
     * judged at: the newest verified block's time when it was projected. Empty when nothing was projected yet.
     */
    public Optional<Instant> asOf(String requestedClinic) {
        String clinic = clinicScope.restrict(requestedClinic);
        return ClinicScope.NO_CLINIC.equals(clinic) ? Optional.empty() : repository().asOf(clinic);
    }

    /**
     * One request by id, if it is in the caller's scope: an officer's or DPO's own clinic; for a regulator the clinic
     * asked for, or (none asked) the first clinic with that id. Another clinic's request, a malformed id and an id
     * that does not exist are the same: empty.
     */
    public Optional<DsrRequest> request(String requestedClinic, String requestId) {
        if (!ClinicScope.wellFormed(requestId)) {
            return Optional.empty();
        }
        String id = requestId.toLowerCase(java.util.Locale.ROOT);
        String clinic = clinicScope.restrict(requestedClinic);
        if (ClinicScope.NO_CLINIC.equals(clinic)) {
            return Optional.empty();
        }
        Optional<DsrRequest> found = clinic == null ? repository().withId(null, id).stream().findFirst()
                : repository().find(clinic, id);
        return found.filter(r -> clinicScope.mayAccess(r.getClinicId()));
    }

    /**
     * Every request matching {@code q} in the caller's scope, streamed in (clinic, request id) order by keyset pages
     * outside a transaction; returns how many. A clinic-bound caller without a mapped clinic gets none.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long export(DsrRequestQuery q, Sink sink) throws IOException {
        DsrRequestQuery scoped = scoped(q);
        if (ClinicScope.NO_CLINIC.equals(scoped.clinicId())) {
            return 0;
        }
        DsrRequestRepository repository = repository();
        long count = 0;
        DsrRequest.Key after = null;
        while (true) {
            List<DsrRequest> page = repository.after(scoped, after, EXPORT_PAGE);
            for (DsrRequest r : page) {
                sink.accept(r);
                count++;
            }
            if (page.size() < EXPORT_PAGE) {
                return count;
            }
            after = page.get(page.size() - 1).key();
            em.clear();
        }
    }

    /**
     * Writes a download of the queue to the trail before any byte of it is sent (its own transaction): who, the
     * clinic scope actually applied and the filters.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordDownload(String file, DsrRequestQuery q, String filters) {
        String clinic = clinicScope.restrict(q.clinicId());
        String applied = clinic == null ? "all clinics" : ClinicScope.NO_CLINIC.equals(clinic) ? "no clinic"
                : "clinic " + clinic;
        SignedInUser me = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                clinicScope.allClinics() ? null : currentUser.getClinicId());
        trail.record(me, TrailAction.EXPORT_DOWNLOADED, "export", file, applied + "; " + filters);
    }
}
