package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Severity;

/**
 * APP-01: a request declared under GDPR at a clinic not established in the Union, or under UK GDPR at a clinic not
 * established in the United Kingdom (or under a regime code outside the contract's enum). Art 3(2) of either can
 * reach such a clinic when it offers services to, or monitors, people in that territory, but the chain records only
 * the clinic's establishment, so Custos cannot prove the regime binds it, nor that it does not: the request is
 * reported for the regulator to decide, with how it fared under the declared regime (catalogue severity S4).
 */
public final class TerritorialScope extends DeclaredRegimeRule {

    public TerritorialScope() {
        super("APP-01", "GDPR Art 3(1)-(2); UK GDPR Art 3(1)-(2)", Severity.S4);
    }

    @Override
    boolean judges(int regime) {
        return regime != Regimes.HIPAA;
    }

    @Override
    String why(int regime, Regimes profile) {
        return switch (regime) {
            case Regimes.GDPR -> "established in " + profile.jurisdiction() + ", not in the Union: GDPR reaches it "
                    + "only through Art 3(2) (services offered to, or monitoring of, people in the Union), which the "
                    + "chain does not show";
            case Regimes.UK_GDPR -> "established in " + profile.jurisdiction() + ", not in the United Kingdom: UK "
                    + "GDPR reaches it only through its Art 3(2), which the chain does not show";
            default -> "under a regime code the consortium's contract does not define";
        };
    }
}
