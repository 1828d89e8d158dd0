package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.portal.compliance.domain.Events.t;
import static org.custos.portal.compliance.domain.Events.word;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.compliance.domain.RequestClock.Timing;
import org.custos.portal.compliance.domain.rules.ErasureCompletion;
import org.custos.portal.compliance.domain.rules.GdprRequestDeadline;
import org.custos.portal.compliance.domain.rules.HipaaAccessDeadline;
import org.junit.jupiter.api.Test;

/**
 * The one deadline formula of data-subject requests at its edges: calendar months clamped at month end, the
 * extension notice at the last second of the first period and one second after, the last day of month one and the
 * first of month two, the answer at the deadline's last second and one after, "due within 7 days" at its bounds,
 * days left and late, which clock a regime and type get, and that the rules judge with the same clock.
 */
class RequestClockTest {

    private static final Instant JAN31 = t("2025-01-31T10:00:00Z");
    private static final Instant FEB28 = t("2025-02-28T10:00:00Z");     // 31 Jan + 1 month (2025: no 29 Feb)
    private static final Instant APR30 = t("2025-04-30T10:00:00Z");     // 31 Jan + 3 months
    private static final Instant LATER = t("2026-01-01T00:00:00Z");

    @Test
    void art12FirstPeriodIsOneCalendarMonthClampedAtMonthEnd() {
        assertThat(RequestClock.GDPR.first(JAN31)).isEqualTo(FEB28);
        assertThat(RequestClock.GDPR.extended(JAN31)).isEqualTo(APR30);
        assertThat(RequestClock.GDPR.first(t("2024-01-31T10:00:00Z"))).as("leap year")
                .isEqualTo(t("2024-02-29T10:00:00Z"));
        assertThat(RequestClock.UK_GDPR.first(JAN31)).as("UK: same arithmetic").isEqualTo(FEB28);
        assertThat(RequestClock.GDPR.deadline(JAN31, null)).as("no notice").isEqualTo(FEB28);
    }

    @Test
    void extensionNoticeAtTheFirstPeriodsLastSecondCountsAndOneSecondLaterDoesNot() {
        Timing atLastSecond = RequestClock.GDPR.timing(JAN31, FEB28, null, FEB28);
        assertThat(atLastSecond.extended()).isTrue();
        assertThat(atLastSecond.lateNotice()).isFalse();
        assertThat(atLastSecond.deadline()).isEqualTo(APR30);
        assertThat(atLastSecond.problem()).isNull();

        Timing oneSecondLate = RequestClock.GDPR.timing(JAN31, FEB28.plusSeconds(1), null, FEB28.plusSeconds(1));
        assertThat(oneSecondLate.extended()).isFalse();
        assertThat(oneSecondLate.lateNotice()).isTrue();
        assertThat(oneSecondLate.deadline()).as("the first deadline applies").isEqualTo(FEB28);
        assertThat(oneSecondLate.problem()).isEqualTo("extension notice after the first period");
        assertThat(oneSecondLate.actual()).isEqualTo(FEB28.plusSeconds(1));
        assertThat(oneSecondLate.state()).as("unanswered after the first deadline").isEqualTo(State.LATE);
        assertThat(RequestClock.GDPR.extensionCounts(JAN31, FEB28)).isTrue();
        assertThat(RequestClock.GDPR.extensionCounts(JAN31, FEB28.plusSeconds(1))).isFalse();
        assertThat(RequestClock.GDPR.extensionCounts(JAN31, null)).isFalse();
        assertThat(RequestClock.GDPR.extensionCounts(JAN31, JAN31)).as("notice at receipt").isTrue();
    }

    @Test
    void extensionNoticeOnTheLastDayOfMonthOneCountsAndOnTheFirstDayOfMonthTwoDoesNot() {
        Instant received = t("2025-03-15T09:30:00Z");     // month one ends 15 April 09:30:00
        Instant lastDay = t("2025-04-15T00:00:00Z");
        Instant firstDayOfMonthTwo = t("2025-04-16T00:00:00Z");
        assertThat(RequestClock.GDPR.deadline(received, lastDay)).isEqualTo(t("2025-06-15T09:30:00Z"));
        assertThat(RequestClock.GDPR.deadline(received, firstDayOfMonthTwo)).isEqualTo(t("2025-04-15T09:30:00Z"));
        // the last calendar day of January's month one is 28 February; 1 March is already month two
        assertThat(RequestClock.GDPR.deadline(JAN31, t("2025-02-28T00:00:00Z"))).isEqualTo(APR30);
        assertThat(RequestClock.GDPR.deadline(JAN31, t("2025-03-01T00:00:00Z"))).isEqualTo(FEB28);
        // same day, later hour: month one ended at receipt's time of day
        assertThat(RequestClock.GDPR.deadline(received, t("2025-04-15T09:30:01Z"))).isEqualTo(t("2025-04-15T09:30:00Z"));
    }

    @Test
    void anAnswerAtTheDeadlinesLastSecondIsOnTimeAndOneSecondAfterIsLate() {
        Timing onTime = RequestClock.GDPR.timing(JAN31, null, FEB28, LATER);
        assertThat(onTime.state()).isEqualTo(State.ANSWERED_ON_TIME);
        assertThat(onTime.problem()).isNull();
        assertThat(onTime.daysLate()).isNull();
        assertThat(onTime.describe()).isEqualTo("answered in time (due 2025-02-28 10:00:00 UTC)");

        Timing late = RequestClock.GDPR.timing(JAN31, null, FEB28.plusSeconds(1), LATER);
        assertThat(late.state()).isEqualTo(State.ANSWERED_LATE);
        assertThat(late.problem()).isEqualTo("answered after the deadline");
        assertThat(late.actual()).isEqualTo(FEB28.plusSeconds(1));
        assertThat(late.daysLate()).as("a started day counts").isEqualTo(1L);
        assertThat(late.describe())
                .isEqualTo("answered after the deadline (due 2025-02-28 10:00:00 UTC, at 2025-02-28 10:00:01 UTC)");

        Timing extendedOnTime = RequestClock.GDPR.timing(JAN31, FEB28, APR30, LATER);
        assertThat(extendedOnTime.state()).isEqualTo(State.ANSWERED_ON_TIME);
        assertThat(RequestClock.GDPR.timing(JAN31, FEB28, APR30.plusSeconds(1), LATER).state())
                .isEqualTo(State.ANSWERED_LATE);
        assertThat(RequestClock.GDPR.timing(JAN31, null, FEB28.plusSeconds(86_400), LATER).daysLate())
                .as("exactly one day late").isEqualTo(1L);
        assertThat(RequestClock.GDPR.timing(JAN31, null, FEB28.plusSeconds(86_401), LATER).daysLate())
                .isEqualTo(2L);
    }

    @Test
    void anOpenRequestIsDueSoonWithinSevenDaysAndLateOneSecondAfterItsDeadline() {
        Instant deadline = FEB28;
        Timing onTrack = RequestClock.GDPR.timing(JAN31, null, null, deadline.minus(RequestClock.DUE_SOON)
                .minusSeconds(1));
        assertThat(onTrack.state()).isEqualTo(State.ON_TRACK);
        assertThat(onTrack.daysLeft()).isEqualTo(7L);
        Timing sevenDays = RequestClock.GDPR.timing(JAN31, null, null, deadline.minus(RequestClock.DUE_SOON));
        assertThat(sevenDays.state()).as("exactly 7 days left").isEqualTo(State.DUE_SOON);
        assertThat(sevenDays.daysLeft()).isEqualTo(7L);
        Timing lastSecond = RequestClock.GDPR.timing(JAN31, null, null, deadline);
        assertThat(lastSecond.state()).isEqualTo(State.DUE_SOON);
        assertThat(lastSecond.daysLeft()).isZero();
        assertThat(lastSecond.problem()).isNull();
        assertThat(lastSecond.describe()).isEqualTo("not answered, not yet due (due 2025-02-28 10:00:00 UTC)");
        Timing late = RequestClock.GDPR.timing(JAN31, null, null, deadline.plusSeconds(1));
        assertThat(late.state()).isEqualTo(State.LATE);
        assertThat(late.daysLeft()).isNull();
        assertThat(late.daysLate()).isEqualTo(1L);
        assertThat(late.problem()).isEqualTo("not answered by the deadline");
        assertThat(late.actual()).isNull();
        assertThat(State.LATE.open()).isTrue();
        assertThat(State.ANSWERED_LATE.open()).isFalse();
    }

    @Test
    void hipaaClocksCountCalendarDaysAcrossALeapFebruary() {
        Instant received = t("2024-02-01T00:00:00Z");
        assertThat(RequestClock.HIPAA_ACCESS.first(received)).isEqualTo(t("2024-03-02T00:00:00Z"));
        assertThat(RequestClock.HIPAA_ACCESS.extended(received)).isEqualTo(t("2024-04-01T00:00:00Z"));
        assertThat(RequestClock.HIPAA_ACCOUNTING.first(received)).isEqualTo(t("2024-04-01T00:00:00Z"));
        assertThat(RequestClock.HIPAA_ACCOUNTING.extended(received)).isEqualTo(t("2024-05-01T00:00:00Z"));
        assertThat(RequestClock.HIPAA_AMENDMENT.first(received)).isEqualTo(t("2024-04-01T00:00:00Z"));
        assertThat(RequestClock.HIPAA_ACCESS.deadline(received, t("2024-03-02T00:00:00Z")))
                .isEqualTo(t("2024-04-01T00:00:00Z"));
        assertThat(RequestClock.HIPAA_ACCESS.deadline(received, t("2024-03-02T00:00:01Z")))
                .isEqualTo(t("2024-03-02T00:00:00Z"));
    }

    @Test
    void theClockFollowsTheDeclaredRegimeAndTypeAndHipaaHasNoErasureClock() {
        for (int type = 0; type < 4; type++) {
            assertThat(RequestClock.of(0, type)).contains(RequestClock.GDPR);
            assertThat(RequestClock.of(1, type)).contains(RequestClock.UK_GDPR);
        }
        assertThat(RequestClock.of(0, 9)).as("GDPR Art 12(3) covers every request").contains(RequestClock.GDPR);
        assertThat(RequestClock.of(2, 0)).contains(RequestClock.HIPAA_ACCESS);
        assertThat(RequestClock.of(2, 1)).as("HIPAA has no right to erasure").isEmpty();
        assertThat(RequestClock.of(2, 2)).contains(RequestClock.HIPAA_AMENDMENT);
        assertThat(RequestClock.of(2, 3)).contains(RequestClock.HIPAA_ACCOUNTING);
        assertThat(RequestClock.of(2, -1)).isEmpty();
        assertThat(RequestClock.of(3, 0)).as("a regime outside the contract's enum").isEmpty();
        assertThat(RequestClock.of(-1, 0)).isEmpty();
        assertThat(RequestClock.GDPR.basis()).isEqualTo("GDPR Art 12(3)");
        assertThat(RequestClock.HIPAA_ACCOUNTING.basis()).isEqualTo("45 CFR 164.528(c)");
    }

    @Test
    void missingTimesAreRefusedClearly() {
        assertThatThrownBy(() -> RequestClock.GDPR.first(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("received");
        assertThatThrownBy(() -> RequestClock.GDPR.timing(JAN31, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf");
    }

    @Test
    void theRulesJudgeWithTheSameClock() {
        Instant received = t("2025-01-31T10:00:00Z");
        Events answeredLate = new Events().admitted(0, false)
                .add("RequestReceived", received, "requestId", word(7), "subjectPseudonym", word(8),
                        "requestType", "0", "regime", "0")
                .add("RequestExtended", FEB28, "requestId", word(7), "reasonsHash", word(9))
                .add("RequestAnswered", APR30.plusSeconds(1), "requestId", word(7), "outcome", "0", "legalGround",
                        "0", "replyHash", word(10));
        List<Finding> out = new ArrayList<>();
        new GdprRequestDeadline().evaluate(answeredLate.facts(LATER), out);
        Timing clock = RequestClock.GDPR.timing(received, FEB28, APR30.plusSeconds(1), LATER);
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.deadline()).isEqualTo(clock.deadline());
            assertThat(f.actual()).isEqualTo(clock.actual());
        });

        // GDPR-ER-01: a key destroyed one second after the (extended) deadline the clock gives
        Events erasure = new Events().admitted(0, false)
                .add("KeyRegistered", t("2024-06-01T00:00:00Z"), "keyId", word(20), "subjectPseudonym", word(8))
                .add("RequestReceived", received, "requestId", word(7), "subjectPseudonym", word(8),
                        "requestType", "1", "regime", "0")
                .add("RequestExtended", FEB28, "requestId", word(7), "reasonsHash", word(9))
                .add("RequestAnswered", t("2025-03-10T00:00:00Z"), "requestId", word(7), "outcome", "0",
                        "legalGround", "0", "replyHash", word(10))
                .add("KeyDestroyed", RequestClock.GDPR.deadline(received, FEB28).plusSeconds(1), "keyId", word(20),
                        "receiptHash", word(21));
        List<Finding> er = new ArrayList<>();
        new ErasureCompletion().evaluate(erasure.facts(LATER), er);
        assertThat(er).singleElement().satisfies(f -> assertThat(f.deadline()).isEqualTo(APR30));

        // HIPAA-ACC-01 on an access request: the 164.524 clock's deadline
        Instant hipaaReceived = t("2024-02-01T00:00:00Z");
        Events hipaa = new Events().admitted(2, true)
                .add("RequestReceived", hipaaReceived, "requestId", word(7), "subjectPseudonym", word(8),
                        "requestType", "0", "regime", "2");
        List<Finding> open = new ArrayList<>();
        new HipaaAccessDeadline().evaluate(hipaa.facts(t("2024-03-02T00:00:01Z")), open);
        assertThat(open).singleElement().satisfies(f -> assertThat(f.deadline())
                .isEqualTo(RequestClock.HIPAA_ACCESS.deadline(hipaaReceived, null)));
        List<Finding> notYet = new ArrayList<>();
        new HipaaAccessDeadline().evaluate(hipaa.facts(t("2024-03-02T00:00:00Z")), notYet);
        assertThat(notYet).isEmpty();
    }
}
