package org.custos.portal.trail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trail filter read from URL parameters: what it keeps, what it refuses in words, and what it lets pass. */
class TrailFilterTest {

    private static TrailEntry entry(String actor, TrailAction action, String clinic, String at) {
        return TrailEntry.chain(1, new TrailRecord(Instant.parse(at), actor, "regulator", clinic, action, "bundle",
                "0x01", "d"), "00".repeat(32));
    }

    @Test
    void readsEveryPartAndMatchesLikeTheQuery() {
        List<String> problems = new ArrayList<>();
        TrailFilter f = TrailFilter.of(" Officer-North ", "export_downloaded", "clinic-north", "2026-12-01",
                "2026-12-07", problems);
        assertThat(problems).isEmpty();
        assertThat(f).isEqualTo(new TrailFilter("Officer-North", TrailAction.EXPORT_DOWNLOADED, "clinic-north",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7)));
        assertThat(f.filters()).isTrue();
        assertThat(f.test(entry("officer-north", TrailAction.EXPORT_DOWNLOADED, "clinic-north",
                "2026-12-07T23:59:59Z"))).as("the last day is included, the user's case ignored").isTrue();
        assertThat(f.test(entry("officer-north", TrailAction.EXPORT_DOWNLOADED, "clinic-north",
                "2026-12-01T00:00:00Z"))).isTrue();
        assertThat(f.test(entry("officer-north", TrailAction.EXPORT_DOWNLOADED, "clinic-north",
                "2026-12-08T00:00:00Z"))).isFalse();
        assertThat(f.test(entry("officer-north", TrailAction.EXPORT_DOWNLOADED, "clinic-north",
                "2026-11-30T23:59:59Z"))).isFalse();
        assertThat(f.test(entry("officer-south", TrailAction.EXPORT_DOWNLOADED, "clinic-north",
                "2026-12-02T00:00:00Z"))).isFalse();
        assertThat(f.test(entry("officer-north", TrailAction.SIGN_IN, "clinic-north", "2026-12-02T00:00:00Z")))
                .isFalse();
        assertThat(f.test(entry("officer-north", TrailAction.EXPORT_DOWNLOADED, null, "2026-12-02T00:00:00Z")))
                .isFalse();
        assertThat(f.parameters()).containsExactly(java.util.Map.entry("user", "Officer-North"),
                java.util.Map.entry("action", "EXPORT_DOWNLOADED"), java.util.Map.entry("clinic", "clinic-north"),
                java.util.Map.entry("from", "2026-12-01"), java.util.Map.entry("to", "2026-12-07"));
        assertThat(f.describe()).isEqualTo("user=Officer-North, action=EXPORT_DOWNLOADED, clinic=clinic-north, "
                + "from=2026-12-01, to=2026-12-07");
    }

    @Test
    void blankOrMissingPartsDoNotFilter() {
        List<String> problems = new ArrayList<>();
        TrailFilter f = TrailFilter.of(null, "", "  ", null, "\t", problems);
        assertThat(problems).isEmpty();
        assertThat(f).isEqualTo(TrailFilter.NONE);
        assertThat(f.filters()).isFalse();
        assertThat(f.parameters()).isEmpty();
        assertThat(f.test(entry("anyone", TrailAction.SIGN_IN, null, "2026-01-01T00:00:00Z"))).isTrue();
        assertThat(f.describe()).isEqualTo("user=any, action=any, clinic=any, from=any, to=any");
    }

    @Test
    void badPartsAreDroppedWithAReasonAndTheRestStillFilters() {
        List<String> problems = new ArrayList<>();
        TrailFilter f = TrailFilter.of("x".repeat(256), "DROP TABLE", "c\u0000", "2026-13-01", "yesterday",
                problems);
        assertThat(f).isEqualTo(TrailFilter.NONE);
        assertThat(problems).hasSize(5).anyMatch(p -> p.contains("user filter must be at most 255"))
                .anyMatch(p -> p.contains("action filter must be one of"))
                .anyMatch(p -> p.contains("clinic filter"))
                .anyMatch(p -> p.contains("from date must be a day as yyyy-MM-dd"))
                .anyMatch(p -> p.contains("to date must be a day as yyyy-MM-dd"));
        assertThat(String.join(" ", problems)).doesNotContain("DROP TABLE").doesNotContain("yesterday");

        List<String> more = new ArrayList<>();
        TrailFilter reversed = TrailFilter.of("regulator", null, null, "2026-12-07", "2026-12-01", more);
        assertThat(reversed).isEqualTo(new TrailFilter("regulator", null, null, null, null));
        assertThat(more).singleElement().asString().contains("ends (2026-12-01) before it starts (2026-12-07)");

        List<String> far = new ArrayList<>();
        assertThat(TrailFilter.of(null, null, null, "1999-12-31", "+10000-01-01", far).filters()).isFalse();
        assertThat(far).hasSize(2);
        assertThat(TrailFilter.of("x".repeat(255), null, "c".repeat(64), null, null, new ArrayList<>()).filters())
                .as("the longest accepted values").isTrue();
    }
}
