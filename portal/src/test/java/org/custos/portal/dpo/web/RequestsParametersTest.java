package org.custos.portal.dpo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.compliance.export.BadExportRequestException;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.junit.jupiter.api.Test;

/**
 * The queue's parameters: the download refuses what it does not understand (naming it), the page ignores it; the
 * page's CSV link carries exactly what the page applied, so the strict download accepts it and gives the same query.
 */
class RequestsParametersTest {

    private static final String CLINIC = "0x" + "a1".repeat(32);

    private static Map<String, String[]> params(String... nameValue) {
        Map<String, String[]> m = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], new String[] {nameValue[i + 1]});
        }
        return m;
    }

    @Test
    void everyParameterIsRead() {
        DsrRequestQuery q = RequestsParameters.strict(params("state", "open", "type", "erasure", "regime", "uk_gdpr",
                "from", "2025-01-01", "to", "2025-01-31", "extended", "true", "clinic", CLINIC.toUpperCase()
                        .replace("0X", "0x"), "sort", "deadline", "order", "asc"));
        assertThat(q.states()).isEqualTo(Set.of(State.ON_TRACK, State.DUE_SOON, State.LATE, State.OPEN_NO_DEADLINE));
        assertThat(q.requestType()).isEqualTo("ERASURE");
        assertThat(q.regime()).isEqualTo("UK_GDPR");
        assertThat(q.receivedFrom()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(q.receivedBefore()).as("'to' is inclusive: to its day's end")
                .isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(q.extended()).isTrue();
        assertThat(q.clinicId()).isEqualTo(CLINIC);
        assertThat(q.sort()).isEqualTo(DsrRequestQuery.Sort.DEADLINE);
        assertThat(q.ascending()).isTrue();
        DsrRequestQuery none = RequestsParameters.strict(Map.of());
        assertThat(none).isEqualTo(DsrRequestQuery.all());
    }

    @Test
    void theDownloadRefusesWhatItDoesNotUnderstandAndNamesIt() {
        String[][] bad = {
            {"state", "<script>"}, {"type", "DELETE"}, {"regime", "CCPA"}, {"from", "01/02/2025"},
            {"to", "2025-02-30"}, {"extended", "yes"}, {"clinic", "clinic-north"}, {"sort", "subject"},
            {"order", "up"}, {"stat", "LATE"}, {"clinic", CLINIC + "00"}};
        for (String[] p : bad) {
            assertThatThrownBy(() -> RequestsParameters.strict(params(p[0], p[1]))).as(p[0] + "=" + p[1])
                    .isInstanceOf(BadExportRequestException.class).hasMessageStartingWith(p[0].equals("stat")
                            ? "unknown parameter \"stat\"" : p[0] + ":");
        }
        Map<String, String[]> twice = Map.of("state", new String[] {"LATE", "OPEN"});
        assertThatThrownBy(() -> RequestsParameters.strict(twice)).hasMessage("state: given 2 times, expected once");
        Map<String, String[]> hostile = params("x".repeat(500) + "\u0000\n", "1");
        assertThatThrownBy(() -> RequestsParameters.strict(hostile)).hasMessageNotContaining("\n")
                .hasMessageContaining("…");
    }

    @Test
    void thePageIgnoresWhatItDoesNotUnderstand() {
        Map<String, String> v = new HashMap<>();
        v.put("state", "<b>LATE</b>");
        v.put("type", "DROP TABLE");
        v.put("from", "yesterday");
        v.put("extended", "maybe");
        v.put("clinic", "clinic-north");
        v.put("sort", "subject");
        assertThat(RequestsParameters.lenient(v::get)).isEqualTo(DsrRequestQuery.all());
    }

    @Test
    void thePagesCsvLinkCarriesWhatThePageAppliedAndNothingElse() {
        RequestsFilter f = new RequestsFilter();
        f.setState("due_soon");
        f.setType("access");
        f.setRegime(" HIPAA ");
        f.setFrom("2025-03-01");
        f.setTo("2025-03-31");
        f.setExtended("false");
        f.setClinic(CLINIC);
        f.setSort("bogus");
        assertThat(f.query()).isEqualTo("state=DUE_SOON&type=ACCESS&regime=HIPAA&from=2025-03-01&to=2025-03-31"
                + "&extended=false&clinic=" + CLINIC);
        Map<String, String[]> link = new HashMap<>();
        for (String pair : f.query().split("&")) {
            String[] nv = pair.split("=", 2);
            link.put(nv[0], new String[] {nv[1]});
        }
        assertThat(RequestsParameters.strict(link)).isEqualTo(f.toQuery());
        RequestsFilter garbage = new RequestsFilter();
        garbage.setState("nope");
        garbage.setClinic("not-a-clinic");
        garbage.setTo("2025-13-01");
        assertThat(garbage.query()).isEmpty();
        garbage.setState(" ");
        assertThat(garbage.getState()).isNull();
    }
}
