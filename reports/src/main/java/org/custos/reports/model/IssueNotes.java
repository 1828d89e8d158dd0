package org.custos.reports.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the issuing portal states about the circumstances of issue, printed on the title page.
 *
 * @param caveats       what this report could not verify (open integrity alerts, sync behind the node, rules that
 *                      could not run), printed first in a warning box; empty means none
 * @param requestedBy   who asked for the report (user name)
 * @param requesterRole that user's role (e.g. {@code regulator}, {@code compliance-officer})
 * @param trailEntries  the number of entries of the portal's hash-chained audit trail at issue time
 * @param trailHead     the head hash of that trail: {@code 0x} and 64 hex digits (printed in lower case)
 */
public record IssueNotes(List<String> caveats, String requestedBy, String requesterRole, long trailEntries,
                         String trailHead) {

    private static final Pattern HEAD = Pattern.compile("0x[0-9a-fA-F]{64}");

    public IssueNotes {
        caveats = List.copyOf(Objects.requireNonNull(caveats, "caveats"));
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requesterRole, "requesterRole");
        Objects.requireNonNull(trailHead, "trailHead");
        if (requestedBy.isBlank() || requesterRole.isBlank()) {
            throw new IllegalArgumentException("requestedBy and requesterRole must not be blank");
        }
        if (caveats.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a caveat must not be blank");
        }
        if (trailEntries < 0) {
            throw new IllegalArgumentException("trailEntries must not be negative: " + trailEntries);
        }
        if (!HEAD.matcher(trailHead).matches()) {
            throw new IllegalArgumentException("trailHead must be 0x and 64 hex digits: " + trailHead);
        }
        trailHead = trailHead.toLowerCase(Locale.ROOT);
    }
}
