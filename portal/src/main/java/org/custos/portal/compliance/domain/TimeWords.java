package org.custos.portal.compliance.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times in the sentences a finding's summary or a deadline's description carries, in the portal's one format
 * ({@code 2025-02-28 10:00:00 UTC}, as the pages show times). Machine fields (a finding's objects, exports) keep
 * ISO 8601.
 */
public final class TimeWords {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeWords() {
    }

    /** The time in words; "no time" for null. */
    public static String of(Instant t) {
        return t == null ? "no time" : FORMAT.format(t);
    }
}
