package org.custos.portal.reports.domain;

/**
 * The reports the portal issues (docs/reports.md, "In the portal"). Stable names: they are stored in
 * {@code report_register.kind} and appear in the trail.
 */
public enum ReportKind {
    /** Regulators: the whole ledger's verification, seals, split-view checks and integrity alerts. */
    CONSORTIUM_INTEGRITY("Consortium integrity report"),
    /** Regulators: one clinic's findings, its last verified bundle and the ledger verification behind them. */
    CLINIC_AUDIT("Clinic audit report"),
    /** Compliance officers: their own clinic's audit report, prepared at the clinic's request. */
    PRE_INSPECTION("Pre-inspection report"),
    /** HIPAA 164.528: the disclosures of one data subject in the six years before the request. */
    DISCLOSURE_ACCOUNTING("Accounting of disclosures"),
    /** One erasure request: keys destroyed, receipts, deadline; erasure-equivalent or not. */
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
