package org.custos.portal.trail.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the trail page and its CSV export show: entries of one user (the actor's name, exact, case ignored), one
 * action, one clinic (the portal clinic id the entry records, e.g. {@code clinic-north}) and days from/to (UTC,
 * both inclusive); a null part does not filter. Built from URL parameters by {@link #of}, which drops a part it
 * cannot read and says why, in words, so a bad bookmark shows an error instead of a wrong list.
 */
public record TrailFilter(String actor, TrailAction action, String clinic, LocalDate from, LocalDate to) {

    /** No filter: every entry. */
    public static final TrailFilter NONE = new TrailFilter(null, null, null, null, null);
    /** Longest accepted user and clinic (the columns' lengths). */
    public static final int MAX_ACTOR = 255;
    public static final int MAX_CLINIC = 64;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /**
     * The filter of the parameters {@code user}, {@code action}, {@code clinic}, {@code from}, {@code to} (each may
     * be null or blank); every part that cannot be read is left out and a sentence about it added to
     * {@code problems}.
     */
    public static TrailFilter of(String user, String action, String clinic, String from, String to,
                                 List<String> problems) {
        String actor = text(user, MAX_ACTOR, "user", problems);
        String clinicId = text(clinic, MAX_CLINIC, "clinic", problems);
        TrailAction a = null;
        if (action != null && !action.isBlank()) {
            try {
                a = TrailAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("The action filter must be one of the trail's actions (e.g. SIGN_IN); ignored.");
            }
        }
        LocalDate f = day(from, "from", problems);
        LocalDate t = day(to, "to", problems);
        if (f != null && t != null && f.isAfter(t)) {
            problems.add("The time range ends (" + t + ") before it starts (" + f + "); the dates are ignored.");
            f = null;
            t = null;
        }
        return new TrailFilter(actor, a, clinicId, f, t);
    }

    private static String text(String value, int max, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            problems.add("The " + name + " filter must be at most " + max + " printable characters; ignored.");
            return null;
        }
        return v;
    }

    private static LocalDate day(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
                problems.add("The " + name + " date must be between " + EARLIEST + " and " + LATEST + "; ignored.");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add("The " + name + " date must be a day as yyyy-MM-dd (e.g. 2026-12-07); ignored.");
            return null;
        }
    }

    /** Whether any part filters. */
    public boolean filters() {
        return actor != null || action != null || clinic != null || from != null || to != null;
    }

    /** The first instant included, or null. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant no longer included (the day after {@link #to}), or null. */
    public Instant toExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether {@code e} passes (the same test the database query makes; for tests and fakes). */
    public boolean test(TrailEntry e) {
        return (actor == null || actor.equalsIgnoreCase(e.getActor()))
                && (action == null || action == e.getAction())
                && (clinic == null || clinic.equals(e.getClinicId()))
                && (from == null || !e.getOccurredAt().isBefore(fromInstant()))
                && (to == null || e.getOccurredAt().isBefore(toExclusive()));
    }

    /** The URL parameters of this filter (those that filter), in the page's order. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "user", actor);
        put(p, "action", action == null ? null : action.name());
        put(p, "clinic", clinic);
        put(p, "from", from == null ? null : from.toString());
        put(p, "to", to == null ? null : to.toString());
        return p;
    }

    /** The filter in words, for the trail entry of an export: {@code user=any, action=SIGN_IN, …}. */
    public String describe() {
        return "user=" + or(actor) + ", action=" + or(action == null ? null : action.name()) + ", clinic="
                + or(clinic) + ", from=" + or(from == null ? null : from.toString()) + ", to="
                + or(to == null ? null : to.toString());
    }

    private static String or(String v) {
        return v == null ? "any" : v;
    }

    private static void put(Map<String, String> p, String k, String v) {
        if (v != null) {
            p.put(k, v);
        }
    }
}
