package org.custos.portal.compliance.export;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;

/**
 * Reads the query parameters of an export request (as the servlet API gives them: name to values) strictly: an
 * unknown or repeated parameter and a malformed value are refused with a {@link BadExportRequestException} that
 * names the parameter and what is accepted, so a typo never silently widens an export.
 */
public final class ExportParameters {

    /** A bytes32 as the ledger shows it: 0x and 64 hex digits (clinic ids, subject pseudonyms). */
    static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    /** Catalogue rule ids: GDPR-DSR-01, HIPAA-AOD-01, INT-05 … */
    static final Pattern RULE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){1,4}");

    private static final Set<String> FINDINGS = Set.of("rule", "severity", "status", "clinic", "current");
    private static final Set<String> DISCLOSURES = Set.of("subject", "clinic");

    private ExportParameters() {
    }

    public static FindingsQuery findings(Map<String, String[]> params) {
        checkNames(params, FINDINGS);
        String rule = single(params, "rule");
        if (rule != null && (rule.length() > 32 || !RULE.matcher(rule).matches())) {
            throw new BadExportRequestException("rule: expected a catalogue rule id such as GDPR-DSR-01");
        }
        Severity severity = enumValue(params, "severity", Severity.class);
        FindingStatus status = enumValue(params, "status", FindingStatus.class);
        String current = single(params, "current");
        if (current != null && !current.equals("true") && !current.equals("false")) {
            throw new BadExportRequestException("current: expected true or false");
        }
        return new FindingsQuery(rule, severity, status, clinic(params), current == null || current.equals("true"));
    }

    public static DisclosuresQuery disclosures(Map<String, String[]> params) {
        checkNames(params, DISCLOSURES);
        String subject = single(params, "subject");
        if (subject == null) {
            throw new BadExportRequestException("subject: required, the data subject's pseudonym as on chain "
                    + "(0x and 64 hex digits)");
        }
        if (!BYTES32.matcher(subject).matches()) {
            throw new BadExportRequestException("subject: expected the data subject's pseudonym as on chain "
                    + "(0x and 64 hex digits)");
        }
        return new DisclosuresQuery(subject.toLowerCase(Locale.ROOT), clinic(params));
    }

    private static String clinic(Map<String, String[]> params) {
        String clinic = single(params, "clinic");
        if (clinic != null && !BYTES32.matcher(clinic).matches()) {
            throw new BadExportRequestException("clinic: expected an on-chain clinic id (0x and 64 hex digits)");
        }
        return clinic == null ? null : clinic.toLowerCase(Locale.ROOT);
    }

    private static void checkNames(Map<String, String[]> params, Set<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw new BadExportRequestException("unknown parameter " + printable(name) + "; accepted: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The parameter's one value, null when absent or empty; given twice is refused. */
    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new BadExportRequestException(name + ": given " + values.length + " times, expected once");
        }
        String v = values[0] == null ? "" : values[0].strip();
        return v.isEmpty() ? null : v;
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String[]> params, String name, Class<E> type) {
        String v = single(params, name);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(e.name());
        }
        throw new BadExportRequestException(name + ": expected one of " + accepted);
    }

    /** A parameter name as echoed in a message: printable ASCII only, at most 40 characters. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("[^\\x20-\\x7E…]", "?") + '"';
    }
}
