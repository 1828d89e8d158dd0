package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    private final RuleCatalogue catalogue = new RuleCatalogue();

    @Test
    void everyImplementedRuleHasItsCatalogueStatementAndSeverity() {
        for (Rule rule : RulesEngine.standard().rules()) {
            RuleCatalogue.Entry e = catalogue.entry(rule.id()).orElseThrow(
                    () -> new AssertionError("catalogue.properties lacks " + rule.id()));
            assertThat(e.source()).as(rule.id()).isNotBlank();
            assertThat(e.check()).as(rule.id()).isNotBlank();
            assertThat(e.severity()).as(rule.id()).isEqualTo(rule.severity().name());
        }
    }

    @Test
    void statementsAreQuotedWithTheirCharacters() {
        assertThat(catalogue.get("INT-05").source()).startsWith("RFC 6962/9162 inclusion (\u00a72.1.3.2)");
        assertThat(catalogue.get("GDPR-BR-01").source()).contains("not later than 72 hours after having become aware");
        assertThat(catalogue.entry("NO-SUCH-RULE")).isEmpty();
    }
}
