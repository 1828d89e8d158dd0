package org.custos.portal.trail.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Predicate;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailRecord;
import org.custos.portal.trail.domain.TrailRepository;

/** The trail in the portal's database (tables {@code trail_entry} and {@code trail_head}, migration V1). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaTrailRepository implements TrailRepository {

    private static final int PAGE = 500;

    @PersistenceContext(unitName = "custos")
    private EntityManager em;

    @Override
    public TrailEntry append(TrailRecord record) {
        TrailHeadRow head = em.find(TrailHeadRow.class, TrailHeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("trail_head row missing: the database was not migrated");
        }
        long seq = head.lastSeq() + 1;
        TrailEntry entry = TrailEntry.chain(seq, record, head.lastHash());
        em.persist(entry);
        head.advance(seq, entry.getEntryHash());
        return entry;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrailEntry> newest(String clinicId, int first, int limit) {
        TypedQuery<TrailEntry> q = clinicId == null
                ? em.createQuery("select e from TrailEntry e order by e.seq desc", TrailEntry.class)
                : em.createQuery("select e from TrailEntry e where e.clinicId = :clinic order by e.seq desc",
                        TrailEntry.class).setParameter("clinic", clinicId);
        return q.setFirstResult(first).setMaxResults(limit).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String clinicId) {
        TypedQuery<Long> q = clinicId == null
                ? em.createQuery("select count(e) from TrailEntry e", Long.class)
                : em.createQuery("select count(e) from TrailEntry e where e.clinicId = :clinic", Long.class)
                        .setParameter("clinic", clinicId);
        return q.getSingleResult();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void forEachInOrder(Predicate<TrailEntry> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<TrailEntry> page = em.createQuery(
                            "select e from TrailEntry e where e.seq > :after order by e.seq", TrailEntry.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            for (TrailEntry e : page) {
                if (!consumer.test(e)) {
                    return;
                }
                after = e.getSeq();
            }
            em.clear();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public TrailHead lockedHead() {
        TrailHeadRow head = em.find(TrailHeadRow.class, TrailHeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("trail_head row missing: the database was not migrated");
        }
        return new TrailHead(head.lastSeq(), head.lastHash());
    }
}
