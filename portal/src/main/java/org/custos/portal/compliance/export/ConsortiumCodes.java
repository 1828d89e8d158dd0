package org.custos.portal.compliance.export;

/** Labels of the consortium's code lists (docs/consortium.md "Code lists") for people reading an export. */
public final class ConsortiumCodes {

    private ConsortiumCodes() {
    }

    public static String purpose(int id) {
        return switch (id) {
            case 0 -> "not recorded";
            case 1 -> "treatment";
            case 2 -> "payment";
            case 3 -> "health-care operations";
            default -> "unknown code " + id;
        };
    }

    /** HL7 v3 ActReason code of a consortium purpose (as the bundles' access log uses them), or null. */
    public static String purposeActReason(int id) {
        return switch (id) {
            case 1 -> "TREAT";
            case 2 -> "HPAYMT";
            case 3 -> "HOPERAT";
            default -> null;
        };
    }

    public static String dataCategory(int id) {
        return switch (id) {
            case 0 -> "not recorded";
            case 1 -> "clinical note";
            case 2 -> "imaging";
            case 3 -> "lab result";
            case 4 -> "prescription";
            case 5 -> "appointment and contact data";
            default -> "unknown code " + id;
        };
    }
}
