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
    /** basisCode 6(1)(a) with 9(2)(a): explicit consent, the basis of every record the simulator commits. */
    public static final int BASIS_EXPLICIT_CONSENT = 0x0101;

    public static final int CATEGORY_CLINICAL_NOTE = 1;
    public static final int CATEGORY_IMAGING = 2;
    public static final int CATEGORY_LAB_RESULT = 3;
    public static final int CATEGORY_PRESCRIPTION = 4;
    /** Appointment and contact data: short retention (the RoPA's {@link #APPOINTMENT_RETENTION_DAYS}). */
    public static final int CATEGORY_APPOINTMENT = 5;

    /** Retention of appointment data after the appointment, as the RoPA declares it. */
    public static final int APPOINTMENT_RETENTION_DAYS = 30;
    /** Retention of the clinical categories (1..4), as the RoPA declares it: ten years. */
    public static final int CLINICAL_RETENTION_DAYS = 3653;

    /** DocumentAnchored.docType codes. */
    public static final int DOC_ROPA = 1;
    public static final int DOC_DPIA = 2;
    public static final int DOC_ACCESS_POLICY = 3;
    public static final int DOC_BREAK_GLASS_REVIEW = 4;
    public static final int DOC_ROPA_JSON = 5;
    public static final int DOC_ACCESS_POLICY_JSON = 6;

    /** Clinical categories (each visit commits one record of one of them). */
    static final int[] CATEGORIES = {CATEGORY_CLINICAL_NOTE, CATEGORY_IMAGING, CATEGORY_LAB_RESULT,
        CATEGORY_PRESCRIPTION};
    static final String[] ROLES = {"physician", "nurse", "billing", "reception"};
    static final int PHYSICIAN = 0;
    static final int NURSE = 1;
    static final int BILLING = 2;
    static final int RECEPTION = 3;
    /** The purpose each role accesses for: care and scheduling for treatment, billing for payment. */
    static final int[] ROLE_PURPOSE = {PURPOSE_TREATMENT, PURPOSE_TREATMENT, PURPOSE_PAYMENT, PURPOSE_TREATMENT};
    /** The access policy: the data categories each role may see (HIPAA minimum necessary, 164.514(d)). */
    static final int[][] ALLOWED_CATEGORIES = {
        {CATEGORY_CLINICAL_NOTE, CATEGORY_IMAGING, CATEGORY_LAB_RESULT, CATEGORY_PRESCRIPTION, CATEGORY_APPOINTMENT},
        {CATEGORY_CLINICAL_NOTE, CATEGORY_LAB_RESULT, CATEGORY_PRESCRIPTION, CATEGORY_APPOINTMENT},
        {CATEGORY_LAB_RESULT, CATEGORY_PRESCRIPTION, CATEGORY_APPOINTMENT},
        {CATEGORY_APPOINTMENT},
    };

    private Codes() {
    }

    static boolean allowed(int role, int category) {
        for (int allowed : ALLOWED_CATEGORIES[role]) {
            if (allowed == category) {
                return true;
            }
        }
        return false;
    }

    /** The roles that may see a category, in role order. */
    static int[] rolesAllowed(int category) {
        return java.util.stream.IntStream.range(0, ROLES.length).filter(r -> allowed(r, category)).toArray();
    }
}
