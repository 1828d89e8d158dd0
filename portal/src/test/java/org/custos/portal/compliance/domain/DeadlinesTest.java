package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void calendarMonthsClampAtMonthEnd() {
        assertThat(Deadlines.plusMonths(Instant.parse("2025-01-31T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(Deadlines.plusMonths(Instant.parse("2024-01-31T10:00:00Z"), 1))
                .as("leap year").isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(Deadlines.plusMonths(Instant.parse("2025-03-31T23:59:59Z"), 1))
                .isEqualTo(Instant.parse("2025-04-30T23:59:59Z"));
        assertThat(Deadlines.plusMonths(Instant.parse("2025-11-30T00:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(Deadlines.plusMonths(Instant.parse("2025-01-15T08:00:00Z"), 1))
                .isEqualTo(Instant.parse("2025-02-15T08:00:00Z"));
    }

    @Test
    void hoursAndDays() {
        assertThat(Deadlines.plusHours(Instant.parse("2025-03-29T12:00:00Z"), 72))
                .isEqualTo(Instant.parse("2025-04-01T12:00:00Z"));
        assertThat(Deadlines.plusDays(Instant.parse("2024-02-01T00:00:00Z"), 30))
                .as("leap February").isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
        assertThat(Deadlines.plusDays(Instant.parse("2025-02-01T00:00:00Z"), 30))
                .isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(Deadlines.plusDays(Instant.parse("2025-01-01T00:00:00Z"), 60))
                .isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
    }

    @Test
    void oneExtensionCountsOnlyWithItsNoticeInsideTheFirstPeriod() {
        Instant first = Instant.parse("2025-02-28T10:00:00Z");
        Instant extended = Instant.parse("2025-04-30T10:00:00Z");
        assertThat(Deadlines.withExtension(first, extended, null)).as("no notice").isEqualTo(first);
        assertThat(Deadlines.withExtension(first, extended, first)).as("notice at the last second").isEqualTo(extended);
        assertThat(Deadlines.withExtension(first, extended, first.plusSeconds(1))).as("one second late")
                .isEqualTo(first);
        assertThat(Deadlines.withExtension(first, extended, Instant.parse("2025-01-31T10:00:00Z")))
                .as("notice at receipt").isEqualTo(extended);
        // Art 12(3), as GDPR-DSR-01, UK-DSR-01 and GDPR-ER-01 all use it: 31 January + 1 month, + 3 months
        Instant received = Instant.parse("2025-01-31T10:00:00Z");
        assertThat(Deadlines.art12(received, null)).isEqualTo(first);
        assertThat(Deadlines.art12(received, first)).isEqualTo(extended);
        assertThat(Deadlines.art12(received, first.plusSeconds(1))).isEqualTo(first);
        assertThat(Deadlines.art12(Instant.parse("2024-01-31T00:00:00Z"), null)).as("leap year")
                .isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void annualBreachLogIsDueSixtyDaysAfterYearEnd() {
        assertThat(Deadlines.annualBreachLogDue(Instant.parse("2025-06-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-01T23:59:59Z"));
        assertThat(Deadlines.annualBreachLogDue(Instant.parse("2027-06-01T00:00:00Z")))
                .as("2028 is a leap year").isEqualTo(Instant.parse("2028-02-29T23:59:59Z"));
    }

    @Test
    void aDeadlineIsMetAtItsLastSecond() {
        Instant d = Instant.parse("2025-02-28T10:00:00Z");
        assertThat(Deadlines.met(d, d)).isTrue();
        assertThat(Deadlines.met(d.plusSeconds(1), d)).isFalse();
        assertThat(Deadlines.met(null, d)).isFalse();
    }
}
