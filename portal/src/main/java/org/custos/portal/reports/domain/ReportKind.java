package org.custos.portal.reports.domain;

/**
 * The report types the portal issues (issue 14). Stable names: they are stored in {@code report_register.kind}
 * and appear in the trail.
 */
public enum ReportKind {
    /** Regulator; the whole ledger, no clinic. */
    CONSORTIUM_INTEGRITY("Consortium integrity report"),
    /** Regulator; any clinic. */
    CLINIC_AUDIT("Clinic audit report"),
    /** Compliance officer; own clinic, prepared at the clinic's request. */
    PRE_INSPECTION("Pre-inspection report"),
    /** Regulator, officer or DPO; one data subject pseudonym, clinic in scope. */
    DISCLOSURE_ACCOUNTING("Accounting of disclosures"),
    /** Regulator, officer or DPO; one erasure request, clinic in scope. */
    ERASURE_CERTIFICATE("Erasure certificate");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    /** For people. */
    public String label() {
        return label;
    }

    /** Only the consortium integrity report belongs to no clinic. */
    public boolean clinicBound() {
        return this != CONSORTIUM_INTEGRITY;
    }
}
