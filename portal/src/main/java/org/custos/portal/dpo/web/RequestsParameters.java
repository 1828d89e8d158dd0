package org.custos.portal.dpo.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.portal.compliance.export.BadExportRequestException;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.DsrRequestQuery;

/**
 * The queue's parameters (page URL and CSV download share them: {@code state, type, regime, from, to, extended,
 * clinic, sort, order}). {@link #strict} refuses an unknown or repeated parameter and a malformed value with a message
 * that names it (the download: a typo never silently widens it); {@link #lenient} ignores them (the page keeps
 * working on a hand-edited URL). Dates are UTC days: {@code from} inclusive, {@code to} inclusive (to its day's end).
 */
public final class RequestsParameters {

    static final Set<String> NAMES = Set.of("state", "type", "regime", "from", "to", "extended", "clinic", "sort",
            "order");
    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    static final List<String> REGIMES = List.of("GDPR", "UK_GDPR", "HIPAA");

    private RequestsParameters() {
    }

    /** The query of these parameters, refusing anything not understood. */
    public static DsrRequestQuery strict(Map<String, String[]> params) {
        for (String name : params.keySet()) {
            if (!NAMES.contains(name)) {
                throw new BadExportRequestException("unknown parameter " + printable(name) + "; accepted: "
                        + String.join(", ", NAMES.stream().sorted().toList()));
            }
        }
        return build(name -> single(params, name), true);
    }

    /** The query of these values (name to value, null or blank: not given), ignoring what is not understood. */
    public static DsrRequestQuery lenient(java.util.function.Function<String, String> values) {
        return build(values, false);
    }

    private static DsrRequestQuery build(java.util.function.Function<String, String> v, boolean strict) {
        StateFilter state = StateFilter.parse(v.apply("state"));
        refuseIf(strict && state == null && given(v, "state"), "state: expected one of "
                + String.join(", ", java.util.Arrays.stream(StateFilter.values()).map(Enum::name).toList()));
        String type = upper(v.apply("type"));
        if (type != null && !DsrRequestProjection.types().contains(type)) {
            refuseIf(strict, "type: expected one of " + String.join(", ", DsrRequestProjection.types()));
            type = null;
        }
        String regime = upper(v.apply("regime"));
        if (regime != null && !REGIMES.contains(regime)) {
            refuseIf(strict, "regime: expected one of " + String.join(", ", REGIMES));
            regime = null;
        }
        Instant from = day(v.apply("from"), "from", strict);
        Instant to = day(v.apply("to"), "to", strict);
        Instant before = to == null ? null : to.plusSeconds(86_400);
        Boolean extended = bool(v.apply("extended"), strict);
        String clinic = v.apply("clinic") == null ? null : v.apply("clinic").strip();
        if (clinic != null && !clinic.isEmpty() && !BYTES32.matcher(clinic).matches()) {
            refuseIf(strict, "clinic: expected an on-chain clinic id (0x and 64 hex digits)");
            clinic = null;
        }
        clinic = clinic == null || clinic.isEmpty() ? null : clinic.toLowerCase(Locale.ROOT);
        DsrRequestQuery.Sort sort = sort(v.apply("sort"), strict);
        String order = upper(v.apply("order"));
        refuseIf(strict && order != null && !order.equals("ASC") && !order.equals("DESC"),
                "order: expected asc or desc");
        boolean ascending = "ASC".equals(order);
        return new DsrRequestQuery(clinic, state == null ? null : state.states(), type, regime, from, before,
                extended, sort, ascending);
    }

    private static boolean given(java.util.function.Function<String, String> v, String name) {
        return v.apply(name) != null && !v.apply(name).isBlank();
    }

    private static Instant day(String value, String name, boolean strict) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            refuseIf(strict, name + ": expected a date as yyyy-MM-dd");
            return null;
        }
    }

    private static Boolean bool(String value, boolean strict) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                refuseIf(strict, "extended: expected true or false");
                yield null;
            }
        };
    }

    private static DsrRequestQuery.Sort sort(String value, boolean strict) {
        String v = upper(value);
        if (v == null) {
            return DsrRequestQuery.Sort.RECEIVED;
        }
        for (DsrRequestQuery.Sort s : DsrRequestQuery.Sort.values()) {
            if (s.name().equals(v)) {
                return s;
            }
        }
        refuseIf(strict, "sort: expected one of received, deadline, answered, state, type, regime");
        return DsrRequestQuery.Sort.RECEIVED;
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static void refuseIf(boolean condition, String message) {
        if (condition) {
            throw new BadExportRequestException(message);
        }
    }

    /** The parameter's one value, null when absent; given twice is refused. */
    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new BadExportRequestException(name + ": given " + values.length + " times, expected once");
        }
        return values[0];
    }

    /** A parameter name as echoed in a message: printable ASCII only, at most 40 characters. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("[^\\x20-\\x7E…]", "?") + '"';
    }
}
