package org.custos.portal.compliance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deadline arithmetic of the catalogue, exact and in UTC: calendar months (GDPR Art 12(3); java.time
 * {@code plusMonths}: the same day-of-month, clamped to the month's last day, e.g. 31 January + 1 month = 28 or
 * 29 February), hours (Art 33: 72 h) and calendar days (HIPAA: 24-hour days from the anchored time). A deadline is
 * met when the act's time is at or before it.
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static Instant plusMonths(Instant from, int months) {
        return from.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    public static Instant plusHours(Instant from, long hours) {
        return from.plus(Duration.ofHours(hours));
    }

    public static Instant plusDays(Instant from, long days) {
        return from.atOffset(ZoneOffset.UTC).plusDays(days).toInstant();
    }

    /** HIPAA 164.408(c): the annual log of breaches under 500 is due 60 days after 31 December (1 March / 29 Feb). */
    public static Instant annualBreachLogDue(Instant discovered) {
        int year = discovered.atOffset(ZoneOffset.UTC).getYear();
        return java.time.LocalDate.of(year, 12, 31).plusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plus(Duration.ofDays(1)).minusSeconds(1);
    }

    public static boolean met(Instant act, Instant deadline) {
        return act != null && !act.isAfter(deadline);
    }
}
