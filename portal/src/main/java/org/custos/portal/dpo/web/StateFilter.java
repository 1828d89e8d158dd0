package org.custos.portal.dpo.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.custos.portal.compliance.domain.RequestClock.State;

/** The queue's state filter: one state, or a group of them (every open request, every answered one). */
public enum StateFilter {
    OPEN("open (any)", State.ON_TRACK, State.DUE_SOON, State.LATE, State.OPEN_NO_DEADLINE),
    ON_TRACK("open, on track", State.ON_TRACK),
    DUE_SOON("open, due within 7 days", State.DUE_SOON),
    LATE("open, late", State.LATE),
    ANSWERED("answered (any)", State.ANSWERED_ON_TIME, State.ANSWERED_LATE, State.ANSWERED_NO_DEADLINE),
    ANSWERED_ON_TIME("answered on time", State.ANSWERED_ON_TIME),
    ANSWERED_LATE("answered late", State.ANSWERED_LATE),
    NO_DEADLINE("no statutory deadline", State.OPEN_NO_DEADLINE, State.ANSWERED_NO_DEADLINE);

    private final String label;
    private final Set<State> states;

    StateFilter(String label, State first, State... more) {
        this.label = label;
        this.states = EnumSet.of(first, more);
    }

    public String getLabel() {
        return label;
    }

    public Set<State> states() {
        return states;
    }

    /** The filter named {@code value} (any case), or null when blank or unknown. */
    public static StateFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (StateFilter f : values()) {
            if (f.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** A state in words, as the page and the CSV show it. */
    public static String describe(State state) {
        return switch (state) {
            case ON_TRACK -> "open, on track";
            case DUE_SOON -> "open, due within 7 days";
            case LATE -> "open, late";
            case ANSWERED_ON_TIME -> "answered on time";
            case ANSWERED_LATE -> "answered late";
            case OPEN_NO_DEADLINE -> "open, no statutory deadline";
            case ANSWERED_NO_DEADLINE -> "answered, no statutory deadline";
        };
    }
}
