package org.custos.portal.compliance.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where findings are kept. Queries take the clinic scope: null = every clinic (regulators only). */
public interface FindingRepository {

    /**
     * The filters of the findings pages; {@code clinicId} null = every clinic (the application sets it from the
     * caller's scope, never from the request alone). Other nulls: no condition.
     */
    record Filter(String clinicId, String ruleId, Severity severity, FindingStatus status, boolean currentOnly) {
    }

    /** What findings are counted by, in the database. */
    enum Dimension {
        SEVERITY, RULE, STATUS,
        /** Calendar month (UTC, "yyyy-MM") of the act's time, else its deadline, else when it was first found. */
        MONTH
    }

    /** Findings matching {@code filter}, newest first. */
    default List<StoredFinding> list(Filter filter, int first, int limit) {
        return list(filter.clinicId(), filter.ruleId(), filter.severity(), filter.status(), filter.currentOnly(),
                first, limit);
    }

    default long count(Filter filter) {
        return count(filter.clinicId(), filter.ruleId(), filter.severity(), filter.status(), filter.currentOnly());
    }

    /** Number of findings matching {@code filter} per value of {@code by} (GROUP BY), in the value's order. */
    Map<String, Long> countBy(Filter filter, Dimension by);

    /** Findings matching {@code filter} whose deadline is after {@code after}, soonest first. */
    List<StoredFinding> deadlinesAfter(Filter filter, java.time.Instant after, int limit);

    Optional<StoredFinding> find(String key);

    /** Findings of {@code clinicId} (null: all) matching the optional filters, newest first. */
    List<StoredFinding> list(String clinicId, String ruleId, Severity severity, FindingStatus status,
                             boolean currentOnly, int first, int limit);

    long count(String clinicId, String ruleId, Severity severity, FindingStatus status, boolean currentOnly);

    /** Every stored finding of a clinic (for merging an evaluation). */
    List<StoredFinding> ofClinic(String clinicId);

    void add(StoredFinding finding);

    void addBundle(org.custos.portal.evidence.domain.StoredBundle bundle);

    Optional<org.custos.portal.evidence.domain.StoredBundle> bundle(String sha256);

    List<org.custos.portal.evidence.domain.StoredBundle> bundles(String clinicId, int first, int limit);

    /** The dashboard's sortable columns (a whitelist: the request names one of these, never a query fragment). */
    enum SortColumn {
        /** The act time ({@link ActTime}), else when first found. */
        DATE, SEVERITY, RULE, CLINIC, STATUS, FIRST_SEEN
    }

    /** An order of the findings table. */
    record Sort(SortColumn column, boolean ascending) {

        /** Newest act first. */
        public static final Sort DEFAULT = new Sort(SortColumn.DATE, false);

        public Sort {
            java.util.Objects.requireNonNull(column, "column");
        }
    }

    /** Findings matching {@code filter} in the order of {@code sort}, ties by key. */
    List<StoredFinding> list(Filter filter, Sort sort, int first, int limit);
}
