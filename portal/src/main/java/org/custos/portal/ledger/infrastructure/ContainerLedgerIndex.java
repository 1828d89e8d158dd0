package org.custos.portal.ledger.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;

/** {@link JpaLedgerRepository}'s reads for the application services. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContainerLedgerIndex implements LedgerIndex {

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    private JpaLedgerRepository repository() {
        return new JpaLedgerRepository(em);
    }

    @Override
    public Optional<SyncState> state() {
        return repository().state();
    }

    @Override
    public long blockCount() {
        return repository().blockCount();
    }

    @Override
    public List<VerifiedBlock> newestBlocks(int first, int limit) {
        return repository().newestBlocks(first, limit);
    }

    @Override
    public Optional<VerifiedBlock> block(long number) {
        return repository().block(number);
    }

    @Override
    public long eventCount(String clinicId) {
        return repository().eventCount(clinicId);
    }

    @Override
    public List<VerifiedEvent> events(String clinicId, int first, int limit) {
        return repository().events(clinicId, first, limit);
    }

    @Override
    public List<VerifiedEvent> eventsInBlock(long number, String clinicId) {
        return repository().eventsInBlock(number, clinicId);
    }

    @Override
    public Optional<VerifiedEvent> event(long id, String clinicId) {
        return repository().event(id, clinicId);
    }

    @Override
    public Map<String, Long> eventCountsByName(String clinicId) {
        return repository().eventCountsByName(clinicId);
    }

    @Override
    public List<org.custos.portal.ledger.domain.PersonalDataHit> personalData(int first, int limit) {
        return repository().personalData(first, limit);
    }

    @Override
    public List<String> clinics() {
        return repository().clinics();
    }

    @Override
    public List<IntegrityAlert> alerts(int first, int limit) {
        return repository().alerts(first, limit);
    }

    @Override
    public long alertCount() {
        return repository().alertCount();
    }
}
