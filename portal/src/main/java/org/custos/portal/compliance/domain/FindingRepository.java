package org.custos.portal.compliance.domain;

import java.util.List;
import java.util.Optional;

/** Where findings are kept. Queries take the clinic scope: null = every clinic (regulators only). */
public interface FindingRepository {

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
}
