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

    /**
     * The deadline of a request that allows one extension: the extended deadline when the extension notice came at
     * or before the first deadline (met at its last second), otherwise the first ({@code notice} null: none sent).
     */
    public static Instant withExtension(Instant first, Instant extended, Instant notice) {
        return notice != null && !notice.isAfter(first) ? extended : first;
    }

    /** GDPR and UK GDPR Art 12(3): one calendar month from receipt. */
    public static Instant art12First(Instant received) {
        return plusMonths(received, 1);
    }

    /** GDPR and UK GDPR Art 12(3): extended by two further months, three from receipt. */
    public static Instant art12Extended(Instant received) {
        return plusMonths(received, 3);
    }

    /** The Art 12(3) deadline of a request received at {@code received} whose extension notice (if any) came at
     * {@code notice}. */
    public static Instant art12(Instant received, Instant notice) {
        return withExtension(art12First(received), art12Extended(received), notice);
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
