package org.custos.consortium.sim;

/** The consortium's code lists as the simulator uses them (docs/consortium.md, "Code lists"). */
public final class Codes {

    /** RecordCommitted.scheme: HMAC-SHA-256 under a key held off-chain. */
    public static final int SCHEME_HMAC_SHA256 = 1;

    public static final int PURPOSE_TREATMENT = 1;
    public static final int PURPOSE_PAYMENT = 2;
    public static final int PURPOSE_OPERATIONS = 3;

    /** basisCode = (GDPR Art 6(1) letter << 8) | Art 9(2) letter, letters a = 1: 6(1)(b) with 9(2)(h). */
    public static final int BASIS_CONTRACT_HEALTH_CARE = 0x0208;

    public static final int CATEGORY_CLINICAL_NOTE = 1;
    public static final int CATEGORY_IMAGING = 2;
    public static final int CATEGORY_LAB_RESULT = 3;
    public static final int CATEGORY_PRESCRIPTION = 4;

    static final int[] CATEGORIES = {CATEGORY_CLINICAL_NOTE, CATEGORY_IMAGING, CATEGORY_LAB_RESULT,
        CATEGORY_PRESCRIPTION};
    static final String[] ROLES = {"physician", "nurse", "billing", "reception"};
    static final int[] ROLE_PURPOSE = {PURPOSE_TREATMENT, PURPOSE_TREATMENT, PURPOSE_PAYMENT, PURPOSE_OPERATIONS};

    private Codes() {
    }
}
