package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarsTest {

    @Test
    void widthsAreRelativeToTheLargestCountAndKeepTheOrder() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("S1", 40L);
        counts.put("S2", 10L);
        counts.put("S3", 0L);
        counts.put("S4", 1000L);
        assertThat(Bars.of(counts)).containsExactly(new Bars.Bar("S1", 40, 4), new Bars.Bar("S2", 10, 1),
                new Bars.Bar("S3", 0, 0), new Bars.Bar("S4", 1000, 100));
    }

    @Test
    void aNonZeroCountIsNeverAnInvisibleBar() {
        assertThat(Bars.of(Map.of("a", 1L, "b", 100_000L))).contains(new Bars.Bar("a", 1, 1));
    }

    @Test
    void noFindingsGiveEmptyBars() {
        assertThat(Bars.of(Map.of("S1", 0L))).containsExactly(new Bars.Bar("S1", 0, 0));
        assertThat(Bars.of(Map.of())).isEmpty();
    }
}
