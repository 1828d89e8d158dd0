package org.custos.portal.reports.domain;

/** The reports the portal issues (docs/reports.md, "In the portal"). */
public enum ReportKind {
    /** Regulators: the whole ledger's verification, seals, split-view checks and integrity alerts. */
    CONSORTIUM_INTEGRITY,
    /** Regulators: one clinic's findings, its last verified bundle and the ledger verification behind them. */
    CLINIC_AUDIT,
    /** Compliance officers: their own clinic's audit report, prepared at the clinic's request. */
    PRE_INSPECTION,
    /** HIPAA 164.528: the disclosures of one data subject in the six years before the request. */
    DISCLOSURE_ACCOUNTING,
    /** One erasure request: keys destroyed, receipts, deadline; erasure-equivalent or not. */
    ERASURE_CERTIFICATE
}
