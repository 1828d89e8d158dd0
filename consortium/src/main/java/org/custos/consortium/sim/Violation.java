package org.custos.consortium.sim;

/**
 * The violations the simulator can plant, each with the catalogue rule it breaks
 * (/work/shared/docs/compliance-catalogue.md). The on-chain ones are visible in the chain data alone; the off-chain
 * ones ({@code LOG_*}) in a clinic's evidence bundle compared with its anchored checkpoints.
 */
public enum Violation {
    /** Erasure answered in time but the subject's key destroyed after the Art 12(3) deadline (one month). */
    LATE_ERASURE("GDPR-ER-01"),
    /** Erasure answered FULFILLED but the subject's key never destroyed. */
    ERASURE_KEY_NOT_DESTROYED("GDPR-ER-01"),
    /** KMS deletion receipt signed by a key other than the clinic's registered kmsAttestationKey. */
    KMS_RECEIPT_WRONG_SIGNER("GDPR-ER-02"),
    /** Access request answered after one month without an extension. */
    LATE_ANSWER("GDPR-DSR-01"),
    /** Extension notice sent after the first month (answer within three months). */
    LATE_EXTENSION("GDPR-DSR-01"),
    /** Breach notified to the supervisory authority more than 72 hours after awareness. */
    LATE_BREACH_NOTICE("GDPR-BR-01"),
    /** HIPAA breach of 500 or more individuals without a notice to HHS. */
    HHS_NOTICE_MISSING("HIPAA-BN-02"),
    /** A consent's subject reference is the plain SHA-256 of the patient's MRN, not a keyed pseudonym. */
    PLAIN_HASH_ON_CHAIN("GDPR-MIN-02"),
    /** A patient's e-mail address in cleartext (ASCII in a bytes32 field: a disclosure's recipientId). */
    CLEARTEXT_PII_ON_CHAIN("GDPR-MIN-01"),
    /** A disclosure without recipient and purpose (both zero), so no complete accounting entry. */
    DISCLOSURE_INCOMPLETE("HIPAA-AOD-01"),
    /** Off-chain: the evidence bundle lacks the last 1..3 access-log entries the last anchored checkpoint covers. */
    LOG_ENTRIES_MISSING("HIPAA-AUD-01"),
    /** Off-chain: one stored access-log entry differs from the bytes whose leaf hash the anchored root covers. */
    LOG_ENTRY_TAMPERED("INT-05");

    private final String ruleId;

    Violation(String ruleId) {
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
