package org.custos.portal.ledger.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerConfigException;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerStore;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;

/**
 * The verified index in the portal's database through JPA (tables {@code ledger_*}, migration V3). Works inside
 * whatever transaction the caller runs (container-managed in the portal, resource-local in tests); it begins and
 * commits none itself.
 */
public class JpaLedgerRepository implements LedgerStore, LedgerIndex {

    private final EntityManager em;

    public JpaLedgerRepository(EntityManager em) {
        this.em = em;
    }

    // --- writes (LedgerStore) ---

    @Override
    public SyncState state(LedgerSettings.Checkpoint checkpoint, Instant now) {
        SyncState state = em.find(SyncState.class, SyncState.ID);
        if (state == null) {
            state = new SyncState(checkpoint.number(), checkpoint.hash(), now);
            em.persist(state);
            em.flush();
            return state;
        }
        if (state.getCheckpointNumber() != checkpoint.number() || !state.getCheckpointHash().equals(checkpoint.hash())) {
            throw new LedgerConfigException("the database's verified index was built from checkpoint "
                    + state.getCheckpointNumber() + ":" + state.getCheckpointHash() + ", but "
                    + LedgerSettings.CHECKPOINT + " is " + checkpoint.number() + ":" + checkpoint.hash()
                    + "; use a fresh database to follow another chain (verified data is never mixed)");
        }
        return state;
    }

    @Override
    public void storeBatch(long parentNumber, String parentHash, List<VerifiedBlock> blocks,
                           List<VerifiedEvent> events, Instant now) {
        SyncState state = em.find(SyncState.class, SyncState.ID, LockModeType.PESSIMISTIC_WRITE);
        if (state == null || state.getVerifiedNumber() != parentNumber
                || !state.getVerifiedHash().equals(parentHash)) {
            throw new IllegalStateException("verified head moved: expected " + parentNumber + ":" + parentHash
                    + ", stored " + (state == null ? "none" : state.getVerifiedNumber() + ":" + state.getVerifiedHash()));
        }
        long expected = parentNumber + 1;
        String parent = parentHash;
        for (VerifiedBlock b : blocks) {
            if (b.getNumber() != expected || !b.getParentHash().equals(parent)) {
                throw new IllegalArgumentException("blocks are not one chain on the verified head at " + b.getNumber());
            }
            em.persist(b);
            expected++;
            parent = b.getHash();
        }
        for (VerifiedEvent e : events) {
            em.persist(e);
        }
        VerifiedBlock last = blocks.get(blocks.size() - 1);
        state.advance(last.getNumber(), last.getHash(), now);
        em.flush();
        em.clear();
    }

    @Override
    public Optional<String> verifiedHash(long number) {
        SyncState state = em.find(SyncState.class, SyncState.ID);
        if (state != null && state.getCheckpointNumber() == number) {
            return Optional.of(state.getCheckpointHash());
        }
        return em.createQuery("select b.hash from VerifiedBlock b where b.number = :n", String.class)
                .setParameter("n", number).getResultList().stream().findFirst();
    }

    @Override
    public void rollbackTo(long number, String hash, Instant now) {
        SyncState state = em.find(SyncState.class, SyncState.ID, LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("delete from VerifiedEvent e where e.blockNumber > :n").setParameter("n", number)
                .executeUpdate();
        em.createQuery("delete from VerifiedBlock b where b.number > :n").setParameter("n", number).executeUpdate();
        state.advance(number, hash, now);
    }

    @Override
    public void recordAlert(IntegrityAlert alert, Instant now) {
        List<IntegrityAlert> open = em.createQuery("select a from IntegrityAlert a where a.blockNumber = :b "
                        + "and a.reason = :r order by a.id desc", IntegrityAlert.class)
                .setParameter("b", alert.getBlockNumber()).setParameter("r", alert.getReason()).getResultList();
        IntegrityAlert same = open.stream().filter(a -> a.sameFailureAs(alert)).findFirst().orElse(null);
        if (same != null) {
            same.seenAgain(now);
        } else {
            em.persist(alert);
        }
        SyncState state = em.find(SyncState.class, SyncState.ID, LockModeType.PESSIMISTIC_WRITE);
        if (state != null) {
            state.halted(alert.getBlockNumber(), alert.toString(), now);
        }
    }

    @Override
    public void recordUnreachable(Instant now, String error) {
        SyncState state = em.find(SyncState.class, SyncState.ID, LockModeType.PESSIMISTIC_WRITE);
        if (state != null) {
            state.unreachable(now, error);
        }
    }

    @Override
    public void recordReachable(Instant now) {
        SyncState state = em.find(SyncState.class, SyncState.ID, LockModeType.PESSIMISTIC_WRITE);
        if (state != null) {
            state.reachable(now);
        }
    }

    // --- reads (LedgerIndex) ---

    @Override
    public Optional<SyncState> state() {
        return Optional.ofNullable(em.find(SyncState.class, SyncState.ID));
    }

    @Override
    public long blockCount() {
        return em.createQuery("select count(b) from VerifiedBlock b", Long.class).getSingleResult();
    }

    @Override
    public List<VerifiedBlock> newestBlocks(int first, int limit) {
        return em.createQuery("select b from VerifiedBlock b order by b.number desc", VerifiedBlock.class)
                .setFirstResult(first).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<VerifiedBlock> block(long number) {
        return Optional.ofNullable(em.find(VerifiedBlock.class, number));
    }

    @Override
    public long eventCount(String clinicId) {
        TypedQuery<Long> q = clinicId == null
                ? em.createQuery("select count(e) from VerifiedEvent e", Long.class)
                : em.createQuery("select count(e) from VerifiedEvent e where e.clinicId = :c", Long.class)
                        .setParameter("c", clinicId);
        return q.getSingleResult();
    }

    @Override
    public List<VerifiedEvent> events(String clinicId, int first, int limit) {
        TypedQuery<VerifiedEvent> q = clinicId == null
                ? em.createQuery("select e from VerifiedEvent e order by e.id", VerifiedEvent.class)
                : em.createQuery("select e from VerifiedEvent e where e.clinicId = :c order by e.id",
                        VerifiedEvent.class).setParameter("c", clinicId);
        return q.setFirstResult(first).setMaxResults(limit).getResultList();
    }

    @Override
    public List<VerifiedEvent> eventsInBlock(long number, String clinicId) {
        TypedQuery<VerifiedEvent> q = clinicId == null
                ? em.createQuery("select e from VerifiedEvent e where e.blockNumber = :n order by e.id",
                        VerifiedEvent.class)
                : em.createQuery("select e from VerifiedEvent e where e.blockNumber = :n and e.clinicId = :c "
                        + "order by e.id", VerifiedEvent.class).setParameter("c", clinicId);
        return q.setParameter("n", number).getResultList();
    }

    @Override
    public Optional<VerifiedEvent> event(long id, String clinicId) {
        TypedQuery<VerifiedEvent> q = clinicId == null
                ? em.createQuery("select e from VerifiedEvent e where e.id = :id", VerifiedEvent.class)
                : em.createQuery("select e from VerifiedEvent e where e.id = :id and e.clinicId = :c",
                        VerifiedEvent.class).setParameter("c", clinicId);
        return q.setParameter("id", id).getResultList().stream().findFirst();
    }

    @Override
    public Map<String, Long> eventCountsByName(String clinicId) {
        String where = clinicId == null ? "" : " where e.clinicId = :c";
        TypedQuery<Object[]> q = em.createQuery("select e.eventName, count(e) from VerifiedEvent e" + where
                + " group by e.eventName order by e.eventName", Object[].class);
        if (clinicId != null) {
            q.setParameter("c", clinicId);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : q.getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public List<String> clinics() {
        return em.createQuery("select distinct e.clinicId from VerifiedEvent e where e.clinicId is not null "
                + "order by e.clinicId", String.class).getResultList();
    }

    @Override
    public List<IntegrityAlert> alerts(int first, int limit) {
        return em.createQuery("select a from IntegrityAlert a order by a.id desc", IntegrityAlert.class)
                .setFirstResult(first).setMaxResults(limit).getResultList();
    }

    @Override
    public long alertCount() {
        return em.createQuery("select count(a) from IntegrityAlert a", Long.class).getSingleResult();
    }
}
