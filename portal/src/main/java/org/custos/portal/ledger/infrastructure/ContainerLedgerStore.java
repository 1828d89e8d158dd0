package org.custos.portal.ledger.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerStore;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;

/** {@link JpaLedgerRepository}'s writes, each in a transaction of its own (a batch commits or nothing does). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ContainerLedgerStore implements LedgerStore {

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    private JpaLedgerRepository repository() {
        return new JpaLedgerRepository(em);
    }

    @Override
    public SyncState state(LedgerSettings.Checkpoint checkpoint, Instant now) {
        return repository().state(checkpoint, now);
    }

    @Override
    public void storeBatch(long parentNumber, String parentHash, List<VerifiedBlock> blocks,
                           List<VerifiedEvent> events, Instant now) {
        repository().storeBatch(parentNumber, parentHash, blocks, events, now);
    }

    @Override
    public Optional<String> verifiedHash(long number) {
        return repository().verifiedHash(number);
    }

    @Override
    public void rollbackTo(long number, String hash, Instant now) {
        repository().rollbackTo(number, hash, now);
    }

    @Override
    public void recordAlert(IntegrityAlert alert, Instant now) {
        repository().recordAlert(alert, now);
    }

    @Override
    public void recordUnreachable(Instant now, String error) {
        repository().recordUnreachable(now, error);
    }

    @Override
    public void recordReachable(Instant now) {
        repository().recordReachable(now);
    }
}
