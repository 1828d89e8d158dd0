package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.junit.jupiter.api.Test;

/** The rule filter's choices: every rule for a regulator, only their clinic's regimes' rules for an officer. */
class RuleChoicesTest {

    private static final List<Rule> RULES = RulesEngine.standard().rules();

    @Test
    void aRegulatorIsOfferedEveryRule() {
        List<String> all = RuleChoices.of(RULES, true, Optional.empty());
        assertThat(all).contains("HIPAA-AOD-01", "GDPR-MIN-01", "GDPR-ER-01").isSorted().doesNotHaveDuplicates();
        assertThat(all).hasSize((int) RULES.stream().map(Rule::id).distinct().count());
    }

    @Test
    void anEuClinicsOfficerIsNotOfferedHipaaRules() {
        List<String> eu = RuleChoices.of(RULES, false, Optional.of(Regimes.of(0, false)));
        assertThat(eu).contains("GDPR-ER-01", "GDPR-MIN-01").doesNotContain("HIPAA-AOD-01", "HIPAA-MIN-01");
        // exactly what the engine runs for such a clinic (HIPAA-AUD-01, log integrity, binds every clinic)
        for (Rule r : RULES) {
            assertThat(eu.contains(r.id())).as(r.id()).isEqualTo(r.appliesTo(Regimes.of(0, false)));
        }
    }

    @Test
    void aUsCoveredEntitysOfficerIsNotOfferedGdprOnlyRules() {
        Regimes us = Regimes.of(2, true);
        List<String> rules = RuleChoices.of(RULES, false, Optional.of(us));
        assertThat(rules).contains("HIPAA-AOD-01").doesNotContain("GDPR-ER-01");
        for (Rule r : RULES) {
            assertThat(rules.contains(r.id())).as(r.id()).isEqualTo(r.appliesTo(us));
        }
    }

    @Test
    void anEuClinicThatIsAlsoACoveredEntityGetsBoth() {
        assertThat(RuleChoices.of(RULES, false, Optional.of(Regimes.of(0, true))))
                .contains("GDPR-ER-01", "HIPAA-AOD-01");
    }

    @Test
    void aClinicWhoseRegimesAreUnknownIsOfferedEveryRule() {
        assertThat(RuleChoices.of(RULES, false, Optional.empty())).isEqualTo(RuleChoices.of(RULES, true,
                Optional.empty()));
        assertThat(RuleChoices.of(List.of(), false, Optional.empty())).isEmpty();
    }
}
