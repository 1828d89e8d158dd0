package org.custos.portal.compliance.domain;

/** The regimes that apply to a clinic (APP-01/02), from its latest ClinicAdmitted/ClinicUpdated. */
public record Regimes(String jurisdiction, boolean hipaaCoveredEntity) {

    public static Regimes of(int jurisdictionCode, boolean hipaa) {
        return new Regimes(switch (jurisdictionCode) {
            case 0 -> "EU";
            case 1 -> "UK";
            case 2 -> "US";
            default -> "UNKNOWN";
        }, hipaa);
    }

    /** EU GDPR or UK GDPR. */
    public boolean gdpr() {
        return jurisdiction.equals("EU") || jurisdiction.equals("UK");
    }

    public boolean hipaa() {
        return hipaaCoveredEntity;
    }
}
