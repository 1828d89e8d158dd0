package org.custos.portal.trail.domain;

/** What a trail entry records. Stable names: they are part of each entry's hash. */
public enum TrailAction {
    SIGN_IN,
    SIGN_OUT,
    SESSION_ENDED,
    TRAIL_VERIFIED,
    /** An evidence bundle was uploaded, verified and its findings evaluated (object: the bundle's SHA-256). */
    BUNDLE_VERIFIED,
    /** A regulator changed a finding's status (object: the finding key; detail: from, to, reason). */
    FINDING_STATUS_CHANGED,
    /**
     * A user downloaded an export (object: the file kind, e.g. {@code disclosures.csv}; detail: the scope and the
     * filters, with the data subject's on-chain pseudonym for an accounting of disclosures).
     */
    EXPORT_DOWNLOADED,
    /**
     * A user issued a signed report (object: the report id; detail: its kind, scope, subject, the PDF's SHA-256 and
     * the trail head the report carries).
     */
    REPORT_ISSUED,
    /** A user downloaded an issued report again (object: the report id; detail: kind, scope, PDF SHA-256). */
    REPORT_DOWNLOADED,
    /**
     * A user checked an uploaded report on the verify page (object: the upload's SHA-256; detail: the verdicts).
     * The upload itself is not kept.
     */
    REPORT_VERIFIED,
    /**
     * A DPO uploaded a KMS deletion receipt for a data-subject request and it verified (object: the request id;
     * detail: key, receipt SHA-256, signer, whether it was already kept).
     */
    RECEIPT_VERIFIED,
    /**
     * A DPO uploaded a KMS deletion receipt for a data-subject request and it was refused; nothing was kept (object:
     * the request id; detail: the reason, the receipt's SHA-256 when it was read, what was expected and found).
     */
    RECEIPT_REFUSED,
    /** A DPO recorded a review of a data-subject request's case (object: the request id; detail: clinic, note). */
    CASE_REVIEWED,
    /** A DPO closed a data-subject request's case (object: the request id; detail: clinic, note). */
    CASE_CLOSED,
    /** A DPO reopened a closed case (object: the request id; detail: clinic, note). */
    CASE_REOPENED,
    /**
     * A compliance officer responded to a finding of their clinic, or noted a remediation (object: the finding key;
     * detail: the finding's clinic, the text and the reference to a document the clinic holds, if any).
     */
    FINDING_RESPONSE_ADDED
}
