package org.custos.portal.compliance.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.evidence.domain.StoredBundle;

/** Findings and bundle records with JPA; the caller owns the transaction (container or test). */
public class JpaFindingRepository implements FindingRepository {

    private final EntityManager em;

    public JpaFindingRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<StoredFinding> find(String key) {
        return Optional.ofNullable(em.find(StoredFinding.class, key));
    }

    private <T> TypedQuery<T> filtered(String select, Class<T> type, String clinicId, String ruleId,
                                       Severity severity, FindingStatus status, boolean currentOnly, String order) {
        StringBuilder q = new StringBuilder(select).append(" from StoredFinding f where 1 = 1");
        if (clinicId != null) {
            q.append(" and f.clinicId = :clinic");
        }
        if (ruleId != null) {
            q.append(" and f.ruleId = :rule");
        }
        if (severity != null) {
            q.append(" and f.severity = :severity");
        }
        if (status != null) {
            q.append(" and f.status = :status");
        }
        if (currentOnly) {
            q.append(" and f.current = true");
        }
        TypedQuery<T> query = em.createQuery(q.append(order).toString(), type);
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        if (ruleId != null) {
            query.setParameter("rule", ruleId);
        }
        if (severity != null) {
            query.setParameter("severity", severity.name());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    @Override
    public List<StoredFinding> list(String clinicId, String ruleId, Severity severity, FindingStatus status,
                                    boolean currentOnly, int first, int limit) {
        return filtered("select f", StoredFinding.class, clinicId, ruleId, severity, status, currentOnly,
                " order by f.firstSeen desc, f.key").setFirstResult(first).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String clinicId, String ruleId, Severity severity, FindingStatus status, boolean currentOnly) {
        return filtered("select count(f)", Long.class, clinicId, ruleId, severity, status, currentOnly, "")
                .getSingleResult();
    }

    /** The month of a finding: its act time (ActTime: actual, deadline, event block time), else first found. */
    private static final String MONTH_OF = "coalesce(f.actTime, f.actual, f.deadline, f.firstSeen)";

    @Override
    public Map<String, Long> countBy(Filter filter, Dimension by) {
        String group = switch (by) {
            case SEVERITY -> "f.severity";
            case RULE -> "f.ruleId";
            case STATUS -> "f.status";
            case MONTH -> "year(" + MONTH_OF + "), month(" + MONTH_OF + ")";
        };
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : filtered("select " + group + ", count(f)", Object[].class, filter.clinicId(),
                filter.ruleId(), filter.severity(), filter.status(), filter.currentOnly(), " group by " + group)
                .getResultList()) {
            String key = by == Dimension.MONTH
                    ? String.format("%04d-%02d", ((Number) row[0]).intValue(), ((Number) row[1]).intValue())
                    : String.valueOf(row[0]);
            counts.merge(key, ((Number) row[row.length - 1]).longValue(), Long::sum);
        }
        return counts;
    }

    @Override
    public List<StoredFinding> deadlinesAfter(Filter filter, Instant after, int limit) {
        return filtered("select f", StoredFinding.class, filter.clinicId(), filter.ruleId(), filter.severity(),
                filter.status(), filter.currentOnly(), " and f.deadline > :after order by f.deadline, f.key")
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    @Override
    public List<StoredFinding> ofClinic(String clinicId) {
        return em.createQuery("select f from StoredFinding f where f.clinicId = :clinic", StoredFinding.class)
                .setParameter("clinic", clinicId).getResultList();
    }

    @Override
    public void add(StoredFinding finding) {
        em.persist(finding);
    }

    @Override
    public void addBundle(StoredBundle bundle) {
        em.persist(bundle);
    }

    @Override
    public Optional<StoredBundle> bundle(String sha256) {
        return Optional.ofNullable(em.find(StoredBundle.class, sha256));
    }

    @Override
    public List<StoredBundle> bundles(String clinicId, int first, int limit) {
        return (clinicId == null
                ? em.createQuery("select b from StoredBundle b order by b.uploadedAt desc", StoredBundle.class)
                : em.createQuery("select b from StoredBundle b where b.clinicId = :clinic order by b.uploadedAt desc",
                        StoredBundle.class).setParameter("clinic", clinicId))
                .setFirstResult(first).setMaxResults(limit).getResultList();
    }

    /**
     * A page of findings matching {@code filter} in the order of {@code sort} (a whitelisted column, never SQL from
     * the request), ties broken by key so that pages do not overlap; a finding without an act time sorts by when
     * it was first found.
     */
    @Override
    public List<StoredFinding> list(Filter filter, Sort sort, int first, int limit) {
        String column = switch (sort.column()) {
            case DATE -> "coalesce(f.actTime, f.firstSeen)";
            case SEVERITY -> "f.severity";
            case RULE -> "f.ruleId";
            case CLINIC -> "f.clinicId";
            case STATUS -> "f.status";
            case FIRST_SEEN -> "f.firstSeen";
        };
        String dir = sort.ascending() ? " asc" : " desc";
        return filtered("select f", StoredFinding.class, filter.clinicId(), filter.ruleId(), filter.severity(),
                filter.status(), filter.currentOnly(), " order by " + column + dir + ", f.key" + dir)
                .setFirstResult(first).setMaxResults(limit).getResultList();
    }
}
