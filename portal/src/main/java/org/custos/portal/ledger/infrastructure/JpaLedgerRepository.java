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
import org.custos.portal.ledger.domain.PersonalDataHit;
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
     * multi-row INSERTs (batched) on the transaction's own connection (no persistence context: Hibernate's per-entity
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
        state.advance(last.getNumber(), last.getHash(), last.getValidatorsAfter(), blocks.size(), events.size(), now);
        em.flush();
        em.clear();
    }

    private static final String BLOCK_COLUMNS = "ledger_block (number, hash, parent_hash, state_root, "
            + "transactions_root, receipts_root, block_time, tx_count, event_count, sealers, verified_at)";
    private static final String EVENT_COLUMNS = "ledger_event (id, block_number, tx_index, log_index, tx_hash, "
            + "contract, contract_role, event_name, clinic_id, fields_json, topics, data, block_time)";
    private static final String PERSONAL_DATA_COLUMNS = "ledger_personal_data (id, block_number, tx_index, tx_hash, "
            + "sender, place, log_index, topic_index, contract, byte_offset, byte_length, rule_id, kind, encoding, "
            + "bits_per_byte, block_time)";
    /** Rows per multi-row INSERT statement (one statement parse and one round trip for many rows). */
    private static final int ROWS_PER_STATEMENT = 100;

    /** Sets one row's parameters from {@code index} on; returns the next free index. */
    private interface RowBinder<T> {
        int bind(PreparedStatement ps, int index, T row) throws SQLException;
    }

    private static void insert(Connection connection, List<VerifiedBlock> blocks, List<VerifiedEvent> events)
            throws SQLException {
        insertRows(connection, BLOCK_COLUMNS, 11, blocks, (ps, i, b) -> {
            ps.setLong(i++, b.getNumber());
            ps.setString(i++, b.getHash());
            ps.setString(i++, b.getParentHash());
            ps.setString(i++, b.getStateRoot());
            ps.setString(i++, b.getTransactionsRoot());
            ps.setString(i++, b.getReceiptsRoot());
            ps.setObject(i++, utc(b.getBlockTime()));
            ps.setInt(i++, b.getTxCount());
            ps.setInt(i++, b.getEventCount());
            ps.setString(i++, b.getSealers());
            ps.setObject(i++, utc(b.getVerifiedAt()));
            return i;
        });
        insertRows(connection, EVENT_COLUMNS, 13, events, (ps, i, e) -> {
            ps.setLong(i++, e.getId());
            ps.setLong(i++, e.getBlockNumber());
            ps.setInt(i++, e.getTxIndex());
            ps.setInt(i++, e.getLogIndex());
            ps.setString(i++, e.getTxHash());
            ps.setString(i++, e.getContract());
            ps.setString(i++, e.getContractRole());
            ps.setString(i++, e.getEventName());
            ps.setString(i++, e.getClinicId());
            ps.setString(i++, e.getFieldsJson());
            ps.setString(i++, e.getTopics());
            ps.setString(i++, e.getData());
            ps.setObject(i++, utc(e.getBlockTime()));
            return i;
        });
        List<PersonalDataHit> hits = new java.util.ArrayList<>();
        for (VerifiedBlock b : blocks) {
            hits.addAll(b.getPersonalData());
        }
        insertRows(connection, PERSONAL_DATA_COLUMNS, 16, hits, (ps, i, h) -> {
            ps.setLong(i++, h.getId());
            ps.setLong(i++, h.getBlockNumber());
            ps.setInt(i++, h.getTxIndex());
            ps.setString(i++, h.getTxHash());
            ps.setString(i++, h.getSender());
            ps.setString(i++, h.getPlace());
            ps.setObject(i++, h.getLogIndex(), java.sql.Types.INTEGER);
            ps.setObject(i++, h.getTopicIndex(), java.sql.Types.INTEGER);
            ps.setString(i++, h.getContract());
            ps.setInt(i++, h.getByteOffset());
            ps.setInt(i++, h.getByteLength());
            ps.setString(i++, h.getRuleId());
            ps.setString(i++, h.getKind());
            ps.setString(i++, h.getEncoding());
            ps.setDouble(i++, h.getBitsPerByte());
            ps.setObject(i++, utc(h.getBlockTime()));
            return i;
        });
    }

    /** Inserts {@code rows} with multi-row INSERTs of up to {@link #ROWS_PER_STATEMENT} rows, batched. */
    private static <T> void insertRows(Connection connection, String table, int columns, List<T> rows,
                                       RowBinder<T> binder) throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement ps = connection.prepareStatement(insertSql(table, columns, ROWS_PER_STATEMENT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    int index = 1;
                    for (T row : rows.subList(chunk * ROWS_PER_STATEMENT, (chunk + 1) * ROWS_PER_STATEMENT)) {
                        index = binder.bind(ps, index, row);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<T> rest = rows.subList(full * ROWS_PER_STATEMENT, rows.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(insertSql(table, columns, rest.size()))) {
                int index = 1;
                for (T row : rest) {
                    index = binder.bind(ps, index, row);
                }
                ps.executeUpdate();
            }
        }
    }

    private static String insertSql(String table, int columns, int rowCount) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
        for (int r = 0; r < rowCount; r++) {
            sql.append(r == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
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
        em.createQuery("delete from PersonalDataHit h where h.blockNumber > :n").setParameter("n", number)
                .executeUpdate();
        int removedEvents = em.createQuery("delete from VerifiedEvent e where e.blockNumber > :n")
                .setParameter("n", number).executeUpdate();
        int removed = em.createQuery("delete from VerifiedBlock b where b.number > :n").setParameter("n", number)
                .executeUpdate();
        state.rolledBack(number, hash, removed, removedEvents, now);
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

    /** All events: the running count of the state row; one clinic's: counted on the (clinic_id, id) index. */
    @Override
    public long eventCount(String clinicId) {
        if (clinicId == null) {
            SyncState state = em.find(SyncState.class, SyncState.ID);
            return state == null ? 0 : state.getEventCount();
        }
        return em.createQuery("select count(e) from VerifiedEvent e where e.clinicId = :c", Long.class)
                .setParameter("c", clinicId).getSingleResult();
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
    public List<PersonalDataHit> personalData(int first, int limit) {
        return em.createQuery("select h from PersonalDataHit h order by h.id", PersonalDataHit.class)
                .setFirstResult(first).setMaxResults(limit).getResultList();
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
