package org.custos.portal.reports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.reports.domain.VerifiedChain;

/**
 * The verified ledger index ({@code ledger_block}, written only by the sync after each block's checks passed),
 * read by block number in batches: one query per batch of cited blocks instead of one per block.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JpaVerifiedChain implements VerifiedChain {

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @Override
    public Optional<Range> range() {
        Object[] row = em.createQuery("select min(b.number), max(b.number) from VerifiedBlock b", Object[].class)
                .getSingleResult();
        if (row[0] == null || row[1] == null) {
            return Optional.empty();
        }
        return Optional.of(new Range(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    @Override
    public Map<Long, String> hashes(Collection<Long> numbers) {
        Map<Long, String> hashes = new HashMap<>();
        if (numbers.isEmpty()) {
            return hashes;
        }
        em.createQuery("select b.number, b.hash from VerifiedBlock b where b.number in :numbers", Object[].class)
                .setParameter("numbers", numbers)
                .getResultList()
                .forEach(r -> hashes.put(((Number) r[0]).longValue(), ((String) r[1]).toLowerCase(Locale.ROOT)));
        return hashes;
    }
}
