package org.custos.portal.compliance.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One catalogue rule (../shared/docs/compliance-catalogue.md): its id (kept as in the catalogue), the version of
 * this implementation, the legal source and the severity. {@link #evaluate} reads only proven events and verified
 * bundle evidence of one clinic and adds its findings.
 */
public abstract class Rule {

    public abstract String id();

    public abstract int version();

    public abstract String legalSource();

    public abstract Severity severity();

    /** Whether the rule applies to a clinic with these regimes. */
    public abstract boolean appliesTo(Regimes regimes);

    /** Whether the rule needs the clinic's verified bundle (it is skipped for clinics without one). */
    public boolean needsBundle() {
        return false;
    }

    public abstract void evaluate(ClinicFacts facts, List<Finding> out);

    /**
     * True for the rules that also judge the consortium scope ({@link ClinicFacts#CONSORTIUM}: personal data on the
     * ledger that no clinic's writer sent), GDPR-MIN-01 and GDPR-MIN-03; see {@link RulesEngine#evaluateConsortium}.
     */
    public boolean ledgerWide() {
        return false;
    }

    protected Finding finding(ClinicFacts facts, String objectKey, String summary, Map<String, String> objects,
                              List<EvidenceRef> evidence, Instant deadline, Instant actual) {
        return new Finding(id(), version(), legalSource(), severity(), facts.clinicId(), objectKey, summary, objects,
                evidence, deadline, actual);
    }
}
