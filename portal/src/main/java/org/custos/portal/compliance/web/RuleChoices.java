package org.custos.portal.compliance.web;

import java.util.List;
import java.util.Optional;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Rule;

/**
 * The rules a user may filter the dashboard by: a regulator every catalogue rule; a compliance officer or DPO only
 * the rules that apply to their clinic's regimes ({@link Rule#appliesTo}, the same test the rules engine uses), so
 * an EU clinic's officer is not offered HIPAA rules. A clinic whose regimes the chain does not show yet (not
 * admitted) gets every rule: nothing tells which to leave out.
 */
public final class RuleChoices {

    private RuleChoices() {
    }

    public static List<String> of(List<Rule> rules, boolean regulator, Optional<Regimes> regimes) {
        return rules.stream()
                .filter(r -> regulator || regimes.isEmpty() || r.appliesTo(regimes.get()))
                .map(Rule::id).distinct().sorted().toList();
    }
}
