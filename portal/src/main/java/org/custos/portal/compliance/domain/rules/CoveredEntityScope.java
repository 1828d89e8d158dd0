package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Severity;

/**
 * APP-02: a request declared under HIPAA at a clinic whose profile does not declare it a covered entity (or business
 * associate). The HIPAA Privacy Rule binds only those (45 CFR 160.102, 160.103), so HIPAA-ACC-01 and HIPAA-AOD-02 are
 * not applied; either the request's label or the profile's declaration is wrong, and the regulator is told which
 * rules the profile did apply and how the request fared under HIPAA's periods (catalogue severity S3).
 */
public final class CoveredEntityScope extends DeclaredRegimeRule {

    public CoveredEntityScope() {
        super("APP-02", "45 CFR 160.102, 160.103 (covered entity, business associate)", Severity.S3);
    }

    @Override
    boolean judges(int regime) {
        return regime == Regimes.HIPAA;
    }

    @Override
    String why(int regime, Regimes profile) {
        return "whose profile does not declare it a HIPAA covered entity or business associate (45 CFR 160.102): "
                + "HIPAA does not bind it, or the declaration is wrong";
    }
}
