package org.custos.reports.verify;

import java.util.Objects;

/**
 * Verified (with the facts established and the embedded evidence), or rejected with a stable reason, what was
 * checked, and the expected and actual values.
 */
public record ReportVerificationResult(boolean verified, ReportReasonCode reason, String subject, String expected,
                                       String actual, SignatureFacts facts, byte[] evidence) {

    public ReportVerificationResult {
        if (verified) {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(evidence, "evidence");
            if (reason != null) {
                throw new IllegalArgumentException("a verified result carries no reason");
            }
        } else {
            Objects.requireNonNull(reason, "a rejection needs a reason code");
        }
    }

    /** {@code evidence} is taken, not copied: the verifier hands over the one array it extracted. */
    static ReportVerificationResult ok(SignatureFacts facts, byte[] evidence) {
        return new ReportVerificationResult(true, null, null, null, null, facts, evidence);
    }

    static ReportVerificationResult rejected(ReportReasonCode reason, String subject, Object expected,
                                             Object actual) {
        return new ReportVerificationResult(false, reason, subject, String.valueOf(expected), String.valueOf(actual),
                null, null);
    }

    @Override
    public byte[] evidence() {
        return evidence == null ? null : evidence.clone();
    }

    /** The embedded evidence without copying it (large evidence), or null for a rejection. */
    public java.io.InputStream evidenceStream() {
        return evidence == null ? null : new java.io.ByteArrayInputStream(evidence);
    }

    /** The size of the embedded evidence in bytes, or -1 for a rejection. */
    public long evidenceSize() {
        return evidence == null ? -1 : evidence.length;
    }

    @Override
    public String toString() {
        if (verified) {
            return "VERIFIED " + facts.level() + " signed by " + facts.signer() + (facts.timestampTime() == null
                    ? ", claimed time " + facts.claimedTime() + " (not timestamped)"
                    : ", timestamped " + facts.timestampTime()) + "; evidence SHA-256 " + facts.evidenceSha256();
        }
        return "REJECTED " + reason + " (" + subject + ")\n  expected: " + expected + "\n  actual:   " + actual;
    }
}
