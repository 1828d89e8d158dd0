package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    /**
     * What the catalogue's drafting leaves in a text and a regulator must not read on the page: provenance flags
     * ("[S: …]", "[P]", "U:"), code quotes (backticks), and addresses of secondary sources (a host name or a URL).
     */
    private static final Pattern DRAFTING = Pattern.compile(
            "[\\[\\]`]|\\b[SPU]:|https?://|www\\.|\\b[a-z0-9-]+\\.(com|org|net|io|ai|law|legal|online|gov|uk|md)\\b"
                    + "|quoted in|summary of|summarising|our design|not re-read");

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

    @Test
    void noShownTextCarriesDraftingMarksOrSecondarySources() {
        Properties all = RuleCatalogue.load();
        List<String> marked = new ArrayList<>();
        for (String name : all.stringPropertyNames()) {
            String text = all.getProperty(name);
            if (!name.endsWith(".severity") && DRAFTING.matcher(text).find()) {
                marked.add(name + "=" + text);
            }
        }
        assertThat(marked).as("texts with drafting marks").isEmpty();
    }

    @Test
    void theDraftingPatternCatchesWhatTheWalkthroughSaw() {
        assertThat(DRAFTING.matcher("Art 17(1) [S: quoted in commerciallawbarrister.com]").find()).isTrue();
        assertThat(DRAFTING.matcher("ON: `scheme` field").find()).isTrue();
        assertThat(DRAFTING.matcher("as blog.mir.net reports").find()).isTrue();
        assertThat(DRAFTING.matcher("GDPR Art 5(1)(c); 45 CFR 164.528(a)(1), \u00a7 164.404(a)").find()).isFalse();
    }

    @Test
    void everyRuleOfTheCatalogueHasASourceAndACheckInWords() {
        Properties all = RuleCatalogue.load();
        List<String> ids = all.stringPropertyNames().stream().filter(n -> n.endsWith(".severity"))
                .map(n -> n.substring(0, n.length() - ".severity".length())).sorted().toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(RulesEngine.standard().rules().size());
        for (String id : ids) {
            RuleCatalogue.Entry e = catalogue.get(id);
            assertThat(e.source()).as(id + " source").isNotBlank().hasSizeGreaterThan(8);
            assertThat(e.check()).as(id + " check").isNotBlank().hasSizeGreaterThan(8);
        }
        // the implemented rules' checks are sentences a regulator reads, not the catalogue's formulas
        for (Rule rule : RulesEngine.standard().rules()) {
            assertThat(catalogue.get(rule.id()).check()).as(rule.id()).doesNotContain("\u2264", "\u21d2", "\u2208",
                    "\u2203", "\u2286", "\u2192").endsWith(".");
        }
    }

    @Test
    void theFindingPagesExampleReadsAsTheLawAndTheCheck() {
        RuleCatalogue.Entry e = catalogue.get("GDPR-ER-01");
        assertThat(e.source()).startsWith("GDPR Art 17(1)").contains("without undue delay");
        assertThat(e.check()).contains("keys registered to the subject");
    }
}
