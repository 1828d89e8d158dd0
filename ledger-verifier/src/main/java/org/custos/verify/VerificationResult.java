package org.custos.verify;

import java.util.Objects;

/**
 * The outcome of a verification: verified, or rejected with a stable {@link ReasonCode}, what was checked
 * ({@code subject}) and the expected and actual values (hex for byte values).
 *
 * <p>A failed proof is a value, not an exception. Exceptions are reserved for malformed input.
 *
 * @param verified true when every check passed; then the other components are null
 * @param reason   why it was rejected
 * @param subject  what was being checked, e.g. {@code "block 21925176"} or {@code "root"}
 * @param expected the value the check required
 * @param actual   the value found or recomputed
 */
public record VerificationResult(boolean verified, ReasonCode reason, String subject, String expected,
                                 String actual) {

    private static final VerificationResult VERIFIED = new VerificationResult(true, null, null, null, null);

    public VerificationResult {
        if (verified && (reason != null || subject != null || expected != null || actual != null)) {
            throw new IllegalArgumentException("a verified result carries no reason");
        }
        if (!verified) {
            Objects.requireNonNull(reason, "a rejection needs a reason code");
        }
    }

    public static VerificationResult ok() {
        return VERIFIED;
    }

    public static VerificationResult rejected(ReasonCode reason, String subject, String expected, String actual) {
        return new VerificationResult(false, reason, subject, expected, actual);
    }

    public static VerificationResult rejected(ReasonCode reason, String subject, byte[] expected, byte[] actual) {
        return rejected(reason, subject, Hex.encodePrefixed(expected), Hex.encodePrefixed(actual));
    }

    @Override
    public String toString() {
        return verified ? "VERIFIED"
                : "REJECTED " + reason + " (" + subject + "): expected " + expected + ", actual " + actual;
    }
}
