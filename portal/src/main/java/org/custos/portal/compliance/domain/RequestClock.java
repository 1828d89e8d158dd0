package org.custos.portal.compliance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * The one deadline formula of data-subject requests: a first period from receipt, one extension whose notice must
 * come inside the first period (at its last second at the latest), an extended period from receipt. The deadline
 * rules (GDPR-DSR-01, UK-DSR-01, HIPAA-ACC-01, HIPAA-AOD-02 and, through them, APP-01/02), GDPR-ER-01 and the DPO's
 * request queue all take their deadlines and their judgement from here; {@link Deadlines} keeps the calendar
 * arithmetic. A deadline is met at its last second and missed one second after.
 * <p>
 * Which clock a request runs on: {@link #of(int, int)} by the regime it declares and its type; the rules pick theirs
 * by the clinic's profile (docs/rules.md). HIPAA gives no right to erasure, so an erasure request declared under
 * HIPAA (or a regime code outside the contract's enum) has no clock.
 */
public final class RequestClock {

    /** Where a request stands as of a time. Open requests: on track, due within {@link #DUE_SOON}, or late. */
    public enum State {
        ON_TRACK, DUE_SOON, LATE, ANSWERED_ON_TIME, ANSWERED_LATE,
        /** Open, and no deadline applies (no clock for its regime and type). */
        OPEN_NO_DEADLINE,
        /** Answered, and no deadline applies. */
        ANSWERED_NO_DEADLINE;

        public boolean open() {
            return this == ON_TRACK || this == DUE_SOON || this == LATE || this == OPEN_NO_DEADLINE;
        }
    }

    /** An open request due within this time (or exactly this time) from "now" is {@link State#DUE_SOON}. */
    public static final Duration DUE_SOON = Duration.ofDays(7);

    /** The arithmetic of one period: the end of the period for a request received at the given time. */
    @FunctionalInterface
    public interface Period {
        Instant from(Instant received);
    }

    /** GDPR Art 12(3): one calendar month, extended by two further months with notice inside the first. */
    public static final RequestClock GDPR = new RequestClock("GDPR Art 12(3)", Deadlines::art12First,
            Deadlines::art12Extended);
    /** UK GDPR Art 12(3) and 12A: as GDPR, run from receipt (no ID-verification or clarification events). */
    public static final RequestClock UK_GDPR = new RequestClock("UK GDPR Art 12(3), 12A", Deadlines::art12First,
            Deadlines::art12Extended);
    /** 45 CFR 164.524(b)(2): access, 30 days, one extension of 30 with notice inside the first 30. */
    public static final RequestClock HIPAA_ACCESS = new RequestClock("45 CFR 164.524(b)(2)",
            r -> Deadlines.plusDays(r, 30), r -> Deadlines.plusDays(r, 60));
    /** 45 CFR 164.528(c): accounting of disclosures, 60 days, one extension of 30 with notice inside the 60. */
    public static final RequestClock HIPAA_ACCOUNTING = new RequestClock("45 CFR 164.528(c)",
            r -> Deadlines.plusDays(r, 60), r -> Deadlines.plusDays(r, 90));
    /** 45 CFR 164.526(b)(2): amendment (rectification), 60 days, one extension of 30 with notice inside the 60. */
    public static final RequestClock HIPAA_AMENDMENT = new RequestClock("45 CFR 164.526(b)(2)",
            r -> Deadlines.plusDays(r, 60), r -> Deadlines.plusDays(r, 90));

    private final String basis;
    private final Period first;
    private final Period extended;

    private RequestClock(String basis, Period first, Period extended) {
        this.basis = basis;
        this.first = first;
        this.extended = extended;
    }

    /**
     * The clock of a request by the codes of its {@code RequestReceived}: {@code regime} 0 GDPR, 1 UK_GDPR, 2 HIPAA;
     * {@code requestType} 0 ACCESS, 1 ERASURE, 2 RECTIFICATION, 3 ACCOUNTING. GDPR and UK GDPR: Art 12(3) for every
     * type; HIPAA: access, accounting, amendment; empty for a HIPAA erasure and an unknown regime.
     */
    public static Optional<RequestClock> of(int regime, int requestType) {
        return Optional.ofNullable(switch (regime) {
            case EventVocabulary.Regime.GDPR -> GDPR;
            case EventVocabulary.Regime.UK_GDPR -> UK_GDPR;
            case EventVocabulary.Regime.HIPAA -> switch (requestType) {
                case EventVocabulary.RequestType.ACCESS -> HIPAA_ACCESS;
                case EventVocabulary.RequestType.RECTIFICATION -> HIPAA_AMENDMENT;
                case EventVocabulary.RequestType.ACCOUNTING -> HIPAA_ACCOUNTING;
                default -> null;
            };
            default -> null;
        });
    }

    /** The legal source of this clock, e.g. "GDPR Art 12(3)". */
    public String basis() {
        return basis;
    }

    /** The end of the first period. */
    public Instant first(Instant received) {
        return first.from(Objects.requireNonNull(received, "received"));
    }

    /** The end of the extended period (counts only with a notice inside the first). */
    public Instant extended(Instant received) {
        return extended.from(Objects.requireNonNull(received, "received"));
    }

    /** Whether an extension notice at {@code notice} (null: none) extends the deadline: at or before the first. */
    public boolean extensionCounts(Instant received, Instant notice) {
        return notice != null && !notice.isAfter(first(received));
    }

    /** The deadline that applies: the extended one when the notice came in time, else the first. */
    public Instant deadline(Instant received, Instant notice) {
        return Deadlines.withExtension(first(received), extended(received), notice);
    }

    /**
     * How a request stands as of {@code asOf}: received at {@code received}, extension notice at {@code notice}
     * (null: none), answered at {@code answered} (null: not yet, as of {@code asOf}).
     */
    public Timing timing(Instant received, Instant notice, Instant answered, Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Instant firstEnd = first(received);
        Instant deadline = deadline(received, notice);
        State state;
        if (answered != null) {
            state = answered.isAfter(deadline) ? State.ANSWERED_LATE : State.ANSWERED_ON_TIME;
        } else if (asOf.isAfter(deadline)) {
            state = State.LATE;
        } else {
            state = asOf.plus(DUE_SOON).isBefore(deadline) ? State.ON_TRACK : State.DUE_SOON;
        }
        return new Timing(basis, firstEnd, deadline, notice, answered, asOf, state);
    }

    /**
     * A request's timing: {@code first} the end of the first period, {@code deadline} the one that applies, the
     * notice and answer times as given (null: none), the "now" it was judged at, and its state.
     */
    public record Timing(String basis, Instant first, Instant deadline, Instant notice, Instant answered,
                         Instant asOf, State state) {

        /** An extension notice came in time, so the extended deadline applies. */
        public boolean extended() {
            return notice != null && !notice.isAfter(first);
        }

        /** An extension notice came after the first period: it does not count, and is itself a finding. */
        public boolean lateNotice() {
            return notice != null && notice.isAfter(first);
        }

        /**
         * What the deadline rules report, null when nothing: a late extension notice (first), else no answer once the
         * deadline has passed, else an answer after it.
         */
        public String problem() {
            if (lateNotice()) {
                return "extension notice after the first period";
            }
            if (answered == null) {
                return state == State.LATE ? "not answered by the deadline" : null;
            }
            return state == State.ANSWERED_LATE ? "answered after the deadline" : null;
        }

        /** The time of the late act the rules report: the late notice, else the late answer; null otherwise. */
        public Instant actual() {
            if (lateNotice()) {
                return notice;
            }
            return state == State.ANSWERED_LATE ? answered : null;
        }

        /** Whole days left to the deadline (0 on its last day), for an open request not yet late; else null. */
        public Long daysLeft() {
            return state == State.ON_TRACK || state == State.DUE_SOON
                    ? Duration.between(asOf, deadline).toDays() : null;
        }

        /** Days late, counting a started day as one (one second late: 1), for a late answer or request; else null. */
        public Long daysLate() {
            Instant act = state == State.LATE ? asOf : state == State.ANSWERED_LATE ? answered : null;
            if (act == null) {
                return null;
            }
            long seconds = Duration.between(deadline, act).getSeconds();
            long day = Duration.ofDays(1).getSeconds();
            return (seconds + day - 1) / day;
        }

        /** In words, as APP-01/02 quote it: the problem and the deadline, or that it is in time or not yet due. */
        public String describe() {
            String problem = problem();
            Instant actual = actual();
            if (problem != null) {
                return problem + " (due " + TimeWords.of(deadline) + (actual == null ? "" : ", at "
                        + TimeWords.of(actual)) + ")";
            }
            return answered != null ? "answered in time (due " + TimeWords.of(deadline) + ")"
                    : "not answered, not yet due (due " + TimeWords.of(deadline) + ")";
        }
    }
}
