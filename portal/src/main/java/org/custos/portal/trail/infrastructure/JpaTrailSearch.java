package org.custos.portal.trail.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailFilter;

/**
 * The trail filtered in the database (the page's table and the CSV export): newest first, paged, every value a
 * query parameter. Reads only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JpaTrailSearch {

    private static final int PAGE = 500;

    @PersistenceContext(unitName = "custos")
    private EntityManager em;

    /** A page of the filtered entries, newest first. */
    public List<TrailEntry> newest(TrailFilter filter, int first, int limit) {
        return query("select e from TrailEntry e", filter, " order by e.seq desc", TrailEntry.class, null)
                .setFirstResult(first).setMaxResults(limit).getResultList();
    }

    public long count(TrailFilter filter) {
        return query("select count(e) from TrailEntry e", filter, "", Long.class, null).getSingleResult();
    }

    /** At most {@code max} filtered entries, newest first, to {@code consumer} until it returns false. */
    public void forEachNewest(TrailFilter filter, long max, Predicate<TrailEntry> consumer) {
        Long before = null;
        long sent = 0;
        while (true) {
            List<TrailEntry> page = query("select e from TrailEntry e", filter, " order by e.seq desc",
                    TrailEntry.class, before).setMaxResults(PAGE).getResultList();
            for (TrailEntry e : page) {
                if (sent++ >= max || !consumer.test(e)) {
                    return;
                }
                before = e.getSeq();
            }
            em.clear();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private <T> TypedQuery<T> query(String select, TrailFilter f, String order, Class<T> type, Long beforeSeq) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.actor() != null) {
            where.add("lower(e.actor) = :actor");
            params.put("actor", f.actor().toLowerCase(Locale.ROOT));
        }
        if (f.action() != null) {
            where.add("e.action = :action");
            params.put("action", f.action());
        }
        if (f.clinic() != null) {
            where.add("e.clinicId = :clinic");
            params.put("clinic", f.clinic());
        }
        if (f.from() != null) {
            where.add("e.occurredAt >= :from");
            params.put("from", f.fromInstant());
        }
        if (f.to() != null) {
            where.add("e.occurredAt < :to");
            params.put("to", f.toExclusive());
        }
        if (beforeSeq != null) {
            where.add("e.seq < :before");
            params.put("before", beforeSeq);
        }
        String jpql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
        TypedQuery<T> q = em.createQuery(jpql, type);
        params.forEach(q::setParameter);
        return q;
    }
}
