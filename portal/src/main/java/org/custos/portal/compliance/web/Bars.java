package org.custos.portal.compliance.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts as horizontal bars drawn by the server (no script, no external chart library): label, count, width. */
public final class Bars {

    /** One bar; {@code percent} is its width relative to the largest count (0-100). */
    public record Bar(String label, long count, int percent) implements Serializable {
    }

    private Bars() {
    }

    public static List<Bar> of(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        counts.forEach((label, count) -> bars.add(new Bar(label, count,
                max == 0 ? 0 : (int) Math.max(count > 0 ? 1 : 0, Math.round(100.0 * count / max)))));
        return bars;
    }
}
