package org.custos.portal.ledger.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.hibernate.Session;

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

    /**
     * Locks the state row, checks the batch extends the verified head, then writes blocks and events as plain JDBC
     * batched INSERTs on the transaction's own connection (no persistence context: Hibernate's per-entity
     * bookkeeping cost most of the sync's time), then advances the state row (head, validator set after it,
     * running block count). All in the caller's one transaction: a batch is stored completely or not at all.
     */
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
            expected++;
            parent = b.getHash();
        }
        em.unwrap(Session.class).doWork(connection -> insert(connection, blocks, events));
        VerifiedBlock last = blocks.get(blocks.size() - 1);
        state.advance(last.getNumber(), last.getHash(), last.getValidatorsAfter(), blocks.size(), now);
        em.flush();
        em.clear();
    }

    private static final String INSERT_BLOCK = "INSERT INTO ledger_block (number, hash, parent_hash, state_root, "
            + "transactions_root, receipts_root, block_time, tx_count, event_count, sealers, verified_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO ledger_event (id, block_number, tx_index, log_index, "
            + "tx_hash, contract, contract_role, event_name, clinic_id, fields_json, topics, data, block_time) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int JDBC_BATCH = 500;

    private static void insert(Connection connection, List<VerifiedBlock> blocks, List<VerifiedEvent> events)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT_BLOCK)) {
            int pending = 0;
            for (VerifiedBlock b : blocks) {
                ps.setLong(1, b.getNumber());
                ps.setString(2, b.getHash());
                ps.setString(3, b.getParentHash());
                ps.setString(4, b.getStateRoot());
                ps.setString(5, b.getTransactionsRoot());
                ps.setString(6, b.getReceiptsRoot());
                ps.setObject(7, utc(b.getBlockTime()));
                ps.setInt(8, b.getTxCount());
                ps.setInt(9, b.getEventCount());
                ps.setString(10, b.getSealers());
                ps.setObject(11, utc(b.getVerifiedAt()));
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT_EVENT)) {
            int pending = 0;
            for (VerifiedEvent e : events) {
                ps.setLong(1, e.getId());
                ps.setLong(2, e.getBlockNumber());
                ps.setInt(3, e.getTxIndex());
                ps.setInt(4, e.getLogIndex());
                ps.setString(5, e.getTxHash());
                ps.setString(6, e.getContract());
                ps.setString(7, e.getContractRole());
                ps.setString(8, e.getEventName());
                ps.setString(9, e.getClinicId());
                ps.setString(10, e.getFieldsJson());
                ps.setString(11, e.getTopics());
                ps.setString(12, e.getData());
                ps.setObject(13, utc(e.getBlockTime()));
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
        int removed = em.createQuery("delete from VerifiedBlock b where b.number > :n").setParameter("n", number)
                .executeUpdate();
        state.rolledBack(number, hash, removed, now);
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

    /** The running count kept in the state row (no COUNT over all blocks on every status poll). */
    @Override
    public long blockCount() {
        SyncState state = em.find(SyncState.class, SyncState.ID);
        return state == null ? 0 : state.getBlockCount();
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
