package org.custos.consortium.sim;

/**
 * The violations the simulator can plant, each with the catalogue rule it breaks
 * (/work/shared/docs/compliance-catalogue.md). The on-chain ones are visible in the chain data alone; the off-chain
 * ones ({@code LOG_*}, {@code ACCESS_*}, {@code BREAK_GLASS_NO_REVIEW}, {@code CATEGORY_NOT_ALLOWED_FOR_ROLE}) in a
 * clinic's evidence bundle compared with what it anchored; {@code RETENTION_EXCEEDED} on-chain against the RoPA in
 * the bundle.
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
    LOG_ENTRY_TAMPERED("INT-05"),
    /** Off-chain: the log was rewritten between two checkpoints, which are therefore not RFC 9162 consistent. */
    LOG_REWRITTEN("INT-05"),
    /** Off-chain: an access-log entry reads an erased subject's record after the subject's key was destroyed. */
    ACCESS_AFTER_ERASURE("GDPR-ER-02"),
    /** Off-chain: an access for a purpose the subject never consented to (no ConsentGranted before it). */
    ACCESS_WITHOUT_CONSENT("GDPR-CON-04"),
    /** Off-chain: an access after the subject's ConsentRevoked for that purpose. */
    ACCESS_AFTER_REVOCATION("GDPR-CON-02"),
    /** Off-chain: a break-glass access without an anchored review (docType 4) within 7 days. */
    BREAK_GLASS_NO_REVIEW("HIPAA-REV-01"),
    /** Off-chain: an access by a role to a data category the anchored access policy does not allow it. */
    CATEGORY_NOT_ALLOWED_FOR_ROLE("HIPAA-MIN-01"),
    /** A short-retention key (appointment data) not destroyed at the end of the RoPA's retention period. */
    RETENTION_EXCEEDED("GDPR-SL-01");

    private final String ruleId;

    Violation(String ruleId) {
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
