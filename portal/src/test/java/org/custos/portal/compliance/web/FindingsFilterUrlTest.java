package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingRepository.Sort;
import org.custos.portal.compliance.domain.FindingRepository.SortColumn;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's URL: filters and order written as a query and read back give the same table (bookmark, shared
 * link); the sort links toggle; every ignored value is named for the page, none fails it.
 */
class FindingsFilterUrlTest {

    private static final String CLINIC = "0x" + "ab".repeat(32);
    private static final Set<String> RULES = Set.of("GDPR-ER-01", "HIPAA-AOD-01", "A&B=C");

    /** What the page's view parameters do with a query string. */
    static FindingsFilter read(String query) {
        FindingsFilter f = new FindingsFilter();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        f.setRule(params.get("rule"));
        f.setSeverity(params.get("severity"));
        f.setStatus(params.get("status"));
        f.setClinic(params.get("clinic"));
        f.setCurrentParam(params.get("current"));
        f.setSort(params.get("sort"));
        f.setDir(params.get("dir"));
        return f;
    }

    @Test
    void aSharedLinkReproducesFiltersAndOrder() {
        FindingsFilter f = new FindingsFilter();
        f.setRule("A&B=C");
        f.setSeverity("s2");
        f.setStatus("accepted");
        f.setClinic(CLINIC);
        f.setCurrentParam("FALSE");
        f.setSort("Rule");
        f.setDir("ASC");
        String url = f.pageQuery();
        assertThat(url).isEqualTo("rule=A%26B%3DC&severity=S2&status=ACCEPTED&clinic=" + CLINIC
                + "&current=false&sort=rule&dir=asc");
        FindingsFilter back = read(url);
        assertThat(back.toFilter()).isEqualTo(f.toFilter()).isEqualTo(new FindingRepository.Filter(CLINIC, "A&B=C",
                Severity.S2, FindingStatus.ACCEPTED, false));
        assertThat(back.order()).isEqualTo(f.order()).isEqualTo(new Sort(SortColumn.RULE, true));
        assertThat(back.pageQuery()).isEqualTo(url);
        assertThat(back.problems(RULES, true)).isEmpty();
    }

    @Test
    void theDefaultOrderStaysOutOfTheUrl() {
        FindingsFilter f = read("current=true");
        assertThat(f.order()).isEqualTo(Sort.DEFAULT);
        assertThat(f.pageQuery()).isEqualTo("current=true");
        assertThat(f.getSortParam()).isNull();
        assertThat(f.getDirParam()).isNull();
        assertThat(read("current=true&sort=date&dir=desc").pageQuery()).isEqualTo("current=true");
    }

    @Test
    void aSortLinkOrdersByItsColumnAndTogglesWhenAlreadySorted() {
        FindingsFilter f = read("severity=S1&current=true");
        assertThat(f.pageQuerySortedBy("rule")).isEqualTo("severity=S1&current=true&sort=rule&dir=asc");
        // dates start newest first, as the default; clicking the default column turns it round
        assertThat(f.pageQuerySortedBy("date")).isEqualTo("severity=S1&current=true&sort=date&dir=asc");
        FindingsFilter byRule = read(f.pageQuerySortedBy("rule"));
        assertThat(byRule.direction("rule")).isEqualTo("asc");
        assertThat(byRule.direction("date")).isNull();
        assertThat(byRule.pageQuerySortedBy("rule")).endsWith("&sort=rule&dir=desc");
        assertThat(read("current=true&sort=firstSeen").order()).isEqualTo(new Sort(SortColumn.FIRST_SEEN, false));
        assertThatThrownBy(() -> f.pageQuerySortedBy("summary")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badValuesAreIgnoredAndNamedNeverAFailure() {
        FindingsFilter f = read("rule=NOPE-01&severity=S9&status=CLOSED&clinic=clinic-south&current=maybe"
                + "&sort=f.summary;drop%20table&dir=sideways");
        assertThat(f.toFilter()).isEqualTo(new FindingRepository.Filter(null, "NOPE-01", null, null, true));
        assertThat(f.order()).isEqualTo(Sort.DEFAULT);
        List<String> problems = f.problems(RULES, true);
        assertThat(problems).hasSize(7);
        assertThat(String.join("\n", problems)).contains("Unknown rule \"NOPE-01\"", "Unknown severity \"S9\"",
                "Unknown status \"CLOSED\"", "\"clinic-south\" is not a clinic id", "\"current\" must be true or false",
                "Cannot sort by \"f.summary;drop table\"", "asc or desc, not \"sideways\"");
        f.dropUnknownRule(RULES);
        assertThat(f.toFilter().ruleId()).isNull();
        assertThat(f.pageQuery()).isEqualTo("current=true");
    }

    @Test
    void anOfficersClinicParameterIsNeitherCheckedNorEchoed() {
        FindingsFilter f = read("clinic=" + "0x" + "cd".repeat(32) + "&current=true");
        assertThat(f.problems(RULES, false)).isEmpty();
        assertThat(read("clinic=<script>&current=true").problems(RULES, false)).isEmpty();
    }

    @Test
    void aRuleOfAnotherRegimeIsDroppedForTheUserWhoseListLacksIt() {
        FindingsFilter f = read("rule=HIPAA-AOD-01&current=true");
        Set<String> euRules = Set.of("GDPR-ER-01");
        assertThat(f.problems(euRules, false)).containsExactly("Unknown rule \"HIPAA-AOD-01\" for you: showing every"
                + " rule.");
        f.dropUnknownRule(euRules);
        assertThat(f.toFilter().ruleId()).isNull();
    }

    @Test
    void emptyAndMissingParametersAreNoCondition() {
        FindingsFilter f = read("rule=&severity=&status=&clinic=&current=&sort=&dir=");
        assertThat(f.toFilter()).isEqualTo(new FindingRepository.Filter(null, null, null, null, true));
        assertThat(f.order()).isEqualTo(Sort.DEFAULT);
        assertThat(f.problems(RULES, true)).isEmpty();
        assertThat(f.getCurrentParam()).isEqualTo("true");
    }
}
