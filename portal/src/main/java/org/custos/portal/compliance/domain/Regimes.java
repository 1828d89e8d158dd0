package org.custos.portal.compliance.domain;

import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * The regimes that bind a clinic (APP-01/02), from its latest ClinicAdmitted/ClinicUpdated: its establishment
 * ({@code jurisdiction}: EU, UK, US) and its HIPAA declaration ({@code hipaaCoveredEntity}: covered entity or
 * business associate). The profile selects the rules; the regime a request declares (RequestReceived.regime) is the
 * clinic's own label, checked against the profile by APP-01/02 and never used to select a rule.
 */
public record Regimes(String jurisdiction, boolean hipaaCoveredEntity) {

    /** RequestReceived.regime codes (AccountabilityRegistry.Regime). */
    public static final int GDPR = EventVocabulary.Regime.GDPR;
    public static final int UK_GDPR = EventVocabulary.Regime.UK_GDPR;
    public static final int HIPAA = EventVocabulary.Regime.HIPAA;

    public static Regimes of(int jurisdictionCode, boolean hipaa) {
        String name = EventVocabulary.JURISDICTION.names().get(jurisdictionCode);
        return new Regimes(name == null ? "UNKNOWN" : name, hipaa);
    }

    /** The name of a RequestReceived.regime code, {@code UNKNOWN(n)} outside the contract's enum. */
    public static String regimeName(int code) {
        return switch (code) {
            case GDPR -> "GDPR";
            case UK_GDPR -> "UK_GDPR";
            case HIPAA -> "HIPAA";
            default -> "UNKNOWN(" + code + ")";
        };
    }

    /** EU GDPR or UK GDPR. */
    public boolean gdpr() {
        return euGdpr() || ukGdpr();
    }

    /** EU GDPR by establishment in the Union (Art 3(1)). */
    public boolean euGdpr() {
        return jurisdiction.equals("EU");
    }

    /** UK GDPR by establishment in the United Kingdom (UK GDPR Art 3(1)). */
    public boolean ukGdpr() {
        return jurisdiction.equals("UK");
    }

    public boolean hipaa() {
        return hipaaCoveredEntity;
    }

    /**
     * Whether the regime of code {@code regime} binds this clinic on what the chain shows: GDPR and UK GDPR by
     * establishment, HIPAA by the covered-entity declaration (45 CFR 160.102). A non-EU clinic may still be reached
     * by GDPR Art 3(2) (offering services to, or monitoring, people in the Union), but nothing on the chain shows
     * that, so it is not counted here: a request declared under a regime that does not bind by this test is an
     * APP-01/APP-02 finding.
     */
    public boolean binds(int regime) {
        return switch (regime) {
            case GDPR -> euGdpr();
            case UK_GDPR -> ukGdpr();
            case HIPAA -> hipaa();
            default -> false;
        };
    }
}
