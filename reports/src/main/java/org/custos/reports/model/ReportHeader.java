package org.custos.reports.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What every report carries on its title page and in its footer.
 *
 * @param reportId stable identifier printed on every page (letters, digits, {@code -_.:}, at most 64)
 * @param issuer   who issues the report (e.g. the regulator's office)
 * @param audience to whom it is addressed
 * @param notes    the issuing portal's notes (caveats, requester, audit-trail head), or null when there are none
 *                 (the title page then prints none of it)
 */
public record ReportHeader(String reportId, String issuer, String audience, IssueNotes notes) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public ReportHeader {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        if (!ID.matcher(reportId).matches()) {
            throw new IllegalArgumentException("report id must match " + ID + ": " + reportId);
        }
    }

    /** A header without issue notes. */
    public ReportHeader(String reportId, String issuer, String audience) {
        this(reportId, issuer, audience, null);
    }
}
