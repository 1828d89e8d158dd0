package org.custos.portal.dpo.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.dpo.domain.DsrProjection;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.dpo.domain.DsrRequestRepository;

/** The request queue with JPA; filters, order and paging in the database. The caller owns the transaction. */
public class JpaDsrRequestRepository implements DsrRequestRepository {

    /** Rows persisted between flushes when a clinic is rebuilt. */
    static final int FLUSH = 500;

    private final EntityManager em;

    public JpaDsrRequestRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Brings the clinic's rows to {@code rows}: new requests inserted, rows whose content changed (their hash) updated,
     * requests no longer on the chain (a reorganisation) deleted; an unchanged row is not written (at a new head most
     * rows are unchanged). Then the clinic's mark moves to {@code block} and {@code asOf}.
     */
    @Override
    public void replace(String clinicId, List<DsrRequest> rows, long block, Instant asOf) {
        Map<String, String> stored = new HashMap<>();
        for (Object[] r : em.createQuery("select r.requestId, r.contentHash from DsrRequest r where r.clinicId = "
                + ":clinic", Object[].class).setParameter("clinic", clinicId).getResultList()) {
            stored.put((String) r[0], (String) r[1]);
        }
        int written = 0;
        for (DsrRequest row : rows) {
            String before = stored.remove(row.getRequestId());
            if (before == null) {
                em.persist(row);
            } else if (!before.equals(row.getContentHash())) {
                em.merge(row);
            } else {
                continue;
            }
            if (++written % FLUSH == 0) {
                em.flush();
                em.clear();
            }
        }
        List<String> gone = new ArrayList<>(stored.keySet());
        for (int i = 0; i < gone.size(); i += FLUSH) {
            em.createQuery("delete from DsrRequest r where r.clinicId = :clinic and r.requestId in :ids")
                    .setParameter("clinic", clinicId).setParameter("ids", gone.subList(i, Math.min(gone.size(),
                            i + FLUSH))).executeUpdate();
        }
        em.flush();
        DsrProjection mark = em.find(DsrProjection.class, clinicId);
        if (mark == null) {
            em.persist(new DsrProjection(clinicId, block, asOf, rows.size()));
        } else {
            mark.update(block, asOf, rows.size());
        }
    }

    /** The rows with their clinic's projection time attached (one query for the clinics of the rows). */
    private List<DsrRequest> attached(List<DsrRequest> rows) {
        Set<String> clinics = new HashSet<>();
        rows.forEach(r -> clinics.add(r.getClinicId()));
        if (clinics.isEmpty()) {
            return rows;
        }
        Map<String, Instant> asOf = new HashMap<>();
        em.createQuery("select p from DsrProjection p where p.clinicId in :clinics", DsrProjection.class)
                .setParameter("clinics", clinics).getResultList().forEach(p -> asOf.put(p.getClinicId(), p.getAsOf()));
        rows.forEach(r -> r.asOf(asOf.get(r.getClinicId())));
        return rows;
    }

    @Override
    public Optional<DsrProjection> projection(String clinicId) {
        return Optional.ofNullable(em.find(DsrProjection.class, clinicId));
    }

    /**
     * The JPQL order of a sort. Every order ends with the request id (after the clinic when the query spans clinics), so
     * pages never overlap; requests without a deadline or an answer come last. For one clinic the order follows the
     * indexes (clinic, column, request id), so the database can read a page from the index instead of sorting.
     */
    static String order(DsrRequestQuery q) {
        String dir = q.ascending() ? " asc" : " desc";
        String column = switch (q.sort()) {
            case RECEIVED -> "r.receivedAt" + dir;
            case DEADLINE -> "r.deadline" + dir + " nulls last";
            case ANSWERED -> "r.answeredAt" + dir + " nulls last";
            case STATE -> "r.state" + dir;
            case TYPE -> "r.requestType" + dir;
            case REGIME -> "r.regime" + dir;
        };
        return q.clinicId() != null ? " order by r.clinicId" + dir + ", " + column + ", r.requestId" + dir
                : " order by " + column + ", r.clinicId" + dir + ", r.requestId" + dir;
    }

    private <T> TypedQuery<T> filtered(String select, Class<T> type, DsrRequestQuery q, String extra, String tail) {
        StringBuilder jpql = new StringBuilder(select).append(" from DsrRequest r where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(jpql, params, "r.clinicId = :clinic", "clinic", q.clinicId());
        if (!q.states().isEmpty()) {
            condition(jpql, params, "r.state in :states", "states", List.copyOf(q.states()));
        }
        condition(jpql, params, "r.requestType = :type", "type", q.requestType());
        condition(jpql, params, "r.regime = :regime", "regime", q.regime());
        condition(jpql, params, "r.receivedAt >= :from", "from", q.receivedFrom());
        condition(jpql, params, "r.receivedAt < :before", "before", q.receivedBefore());
        condition(jpql, params, "r.extended = :extended", "extended", q.extended());
        TypedQuery<T> query = em.createQuery(jpql.append(extra).append(tail).toString(), type);
        params.forEach(query::setParameter);
        return query;
    }

    private static void condition(StringBuilder jpql, Map<String, Object> params, String clause, String name,
                                  Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    @Override
    public List<DsrRequest> page(DsrRequestQuery q, int first, int limit) {
        return attached(filtered("select r", DsrRequest.class, q, "", order(q)).setFirstResult(Math.max(0, first))
                .setMaxResults(limit).getResultList());
    }

    @Override
    public long count(DsrRequestQuery q) {
        return filtered("select count(r)", Long.class, q, "", "").getSingleResult();
    }

    @Override
    public Map<State, Long> countByState(DsrRequestQuery q) {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (Object[] row : filtered("select r.state, count(r)", Object[].class, q, "", " group by r.state")
                .getResultList()) {
            counts.put((State) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public List<DsrRequest> after(DsrRequestQuery q, DsrRequest.Key after, int limit) {
        TypedQuery<DsrRequest> query;
        if (after == null) {
            query = filtered("select r", DsrRequest.class, q, "", " order by r.clinicId, r.requestId");
        } else {
            query = filtered("select r", DsrRequest.class, q, " and (r.clinicId > :afterClinic or (r.clinicId = "
                    + ":afterClinic and r.requestId > :afterId))", " order by r.clinicId, r.requestId")
                    .setParameter("afterClinic", after.clinicId()).setParameter("afterId", after.requestId());
        }
        return attached(query.setMaxResults(limit).getResultList());
    }

    @Override
    public Optional<DsrRequest> find(String clinicId, String requestId) {
        return Optional.ofNullable(em.find(DsrRequest.class, new DsrRequest.Key(clinicId, requestId)))
                .map(r -> attached(List.of(r)).get(0));
    }

    @Override
    public List<DsrRequest> withId(String clinicId, String requestId) {
        TypedQuery<DsrRequest> q = em.createQuery("select r from DsrRequest r where r.requestId = :id"
                + (clinicId == null ? "" : " and r.clinicId = :clinic") + " order by r.clinicId", DsrRequest.class)
                .setParameter("id", requestId);
        if (clinicId != null) {
            q.setParameter("clinic", clinicId);
        }
        return attached(q.getResultList());
    }

    @Override
    public Optional<Instant> asOf(String clinicId) {
        TypedQuery<Instant> q = em.createQuery("select max(p.asOf) from DsrProjection p"
                + (clinicId == null ? "" : " where p.clinicId = :clinic"), Instant.class);
        if (clinicId != null) {
            q.setParameter("clinic", clinicId);
        }
        return Optional.ofNullable(q.getSingleResult());
    }
}
