package org.custos.portal.evidence.domain;

/** An upload that is not a well-formed bundle of the expected clinic: nothing of it is stored. */
public final class BundleRejectedException extends RuntimeException {

    /** Why, in a stable code the pages and tests can rely on. */
    public enum Reason {
        NOT_A_ZIP, TOO_LARGE, ZIP_BOMB, TOO_MANY_ENTRIES, UNSAFE_PATH, DUPLICATE_ENTRY, MISSING_MANIFEST,
        BAD_MANIFEST, UNLISTED_FILE, MISSING_FILE, HASH_MISMATCH, WRONG_CLINIC, BAD_ENTRY, BAD_DICTIONARY
    }

    private final Reason reason;

    public BundleRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
