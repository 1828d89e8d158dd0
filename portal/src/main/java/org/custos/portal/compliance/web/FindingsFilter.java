package org.custos.portal.compliance.web;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;

/**
 * The dashboard's filters and order as the request gave them (URL parameters rule, severity, status, clinic,
 * current, sort, dir: bookmarkable and shareable, {@link #pageQuery()}); values that are not a known severity,
 * status, clinic id, boolean or sort column are ignored rather than failing the page, and {@link #problems} names
 * each of them for the page to show. The clinic is only a wish: the service replaces it with the caller's own clinic
 * for officers and DPOs.
 */
public final class FindingsFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String rule;
    private String severity;
    private String status;
    private String clinic;
    private boolean current = true;
    private String currentParam;
    private String sort;
    private String dir;

    public FindingRepository.Filter toFilter() {
        return new FindingRepository.Filter(clinicId(), blankToNull(rule), severity(), status(), current);
    }

    /** The query string of the export URLs (same parameters as the dashboard), URL-encoded. */
    public String query() {
        StringJoiner q = new StringJoiner("&");
        add(q, "rule", blankToNull(rule));
        add(q, "severity", severity() == null ? null : severity().name());
        add(q, "status", status() == null ? null : status().name());
        add(q, "clinic", clinicId());
        q.add("current=" + current);
        return q.toString();
    }

    /**
     * The dashboard's own URL query (filters, then the order when it is not the default), URL-encoded: opening it
     * gives the same table. Parameters that were ignored are left out.
     */
    public String pageQuery() {
        StringJoiner q = new StringJoiner("&");
        q.add(query());
        FindingRepository.Sort order = order();
        if (!order.equals(FindingRepository.Sort.DEFAULT)) {
            q.add("sort=" + sortName(order.column()));
            q.add("dir=" + (order.ascending() ? "asc" : "desc"));
        }
        return q.toString();
    }

    /** The page query ordered by {@code column}: the other direction if the table is already in that order. */
    public String pageQuerySortedBy(String column) {
        FindingRepository.SortColumn c = sortColumn(column);
        if (c == null) {
            throw new IllegalArgumentException("not a sort column: " + column);
        }
        FindingRepository.Sort order = order();
        boolean ascending = order.column() == c ? !order.ascending() : c != FindingRepository.SortColumn.DATE
                && c != FindingRepository.SortColumn.FIRST_SEEN;
        StringJoiner q = new StringJoiner("&");
        q.add(query());
        q.add("sort=" + sortName(c));
        q.add("dir=" + (ascending ? "asc" : "desc"));
        return q.toString();
    }

    /** The table's order: the {@code sort} and {@code dir} parameters, newest act first when not (validly) given. */
    public FindingRepository.Sort order() {
        FindingRepository.SortColumn c = sortColumn(sort);
        String d = blankToNull(dir);
        Boolean ascending = d == null ? null : d.equalsIgnoreCase("asc") ? Boolean.TRUE
                : d.equalsIgnoreCase("desc") ? Boolean.FALSE : null;
        if (c == null) {
            return ascending == null ? FindingRepository.Sort.DEFAULT
                    : new FindingRepository.Sort(FindingRepository.SortColumn.DATE, ascending);
        }
        return new FindingRepository.Sort(c, ascending != null ? ascending : c != FindingRepository.SortColumn.DATE
                && c != FindingRepository.SortColumn.FIRST_SEEN);
    }

    /** The {@code sort} value to carry in the filter form: null for the default order (newest act first). */
    public String getSortParam() {
        FindingRepository.Sort order = order();
        return order.equals(FindingRepository.Sort.DEFAULT) ? null : sortName(order.column());
    }

    /** The {@code dir} value to carry in the filter form: null for the default order. */
    public String getDirParam() {
        FindingRepository.Sort order = order();
        return order.equals(FindingRepository.Sort.DEFAULT) ? null : order.ascending() ? "asc" : "desc";
    }

    /** Whether the table is ordered by {@code column} (for the header's arrow): "asc", "desc" or null. */
    public String direction(String column) {
        FindingRepository.Sort order = order();
        return sortColumn(column) == order.column() ? (order.ascending() ? "asc" : "desc") : null;
    }

    /**
     * What the page should tell the user about parameters it ignored: unknown values (named, so that an edited or
     * outdated link is explained instead of silently showing something else). {@code knownRules}: the rules this
     * user may filter by (an unknown rule is dropped, {@link #dropUnknownRule}); {@code clinicParameter}: whether
     * the clinic parameter is this user's to give (regulators; officers and DPOs always see their own clinic, and
     * the value they put in the URL is not echoed).
     */
    public java.util.List<String> problems(java.util.Collection<String> knownRules, boolean clinicParameter) {
        java.util.List<String> p = new java.util.ArrayList<>();
        String r = blankToNull(rule);
        if (r != null && !knownRules.contains(r)) {
            p.add("Unknown rule \"" + r + "\" for you: showing every rule.");
        }
        if (blankToNull(severity) != null && severity() == null) {
            p.add("Unknown severity \"" + severity.strip() + "\" (S1 to S4): showing every severity.");
        }
        if (blankToNull(status) != null && status() == null) {
            p.add("Unknown status \"" + status.strip() + "\": showing every status.");
        }
        String c = blankToNull(clinic);
        if (c != null && clinicParameter && clinicId() == null) {
            p.add("\"" + c + "\" is not a clinic id (0x and 64 hex digits): showing every clinic.");
        }
        String cur = blankToNull(currentParam);
        if (cur != null && !cur.equalsIgnoreCase("true") && !cur.equalsIgnoreCase("false")) {
            p.add("\"current\" must be true or false, not \"" + cur + "\": showing current findings only.");
        }
        if (blankToNull(sort) != null && sortColumn(sort) == null) {
            p.add("Cannot sort by \"" + sort.strip() + "\" (date, severity, rule, clinic, status, firstSeen): "
                    + "newest first.");
        }
        String d = blankToNull(dir);
        if (d != null && !d.equalsIgnoreCase("asc") && !d.equalsIgnoreCase("desc")) {
            p.add("The order must be asc or desc, not \"" + d + "\".");
        }
        return p;
    }

    /** Forgets a rule that is not in {@code knownRules} (after {@link #problems} named it). */
    public void dropUnknownRule(java.util.Collection<String> knownRules) {
        if (blankToNull(rule) != null && !knownRules.contains(rule.strip())) {
            rule = null;
        }
    }

    private static FindingRepository.SortColumn sortColumn(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        for (FindingRepository.SortColumn c : FindingRepository.SortColumn.values()) {
            if (sortName(c).equalsIgnoreCase(v)) {
                return c;
            }
        }
        return null;
    }

    /** The URL name of a sort column: date, severity, rule, clinic, status, firstSeen. */
    static String sortName(FindingRepository.SortColumn c) {
        return c == FindingRepository.SortColumn.FIRST_SEEN ? "firstSeen" : c.name().toLowerCase(Locale.ROOT);
    }

    Severity severity() {
        return parse(Severity.class, severity);
    }

    FindingStatus status() {
        return parse(FindingStatus.class, status);
    }

    String clinicId() {
        String c = blankToNull(clinic);
        return c != null && c.toLowerCase(Locale.ROOT).matches("0x[0-9a-f]{64}") ? c.toLowerCase(Locale.ROOT) : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        return null;
    }

    private static void add(StringJoiner q, String name, String value) {
        if (value != null) {
            q.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getClinic() {
        return clinic;
    }

    public void setClinic(String clinic) {
        this.clinic = clinic;
    }

    public boolean isCurrent() {
        return current;
    }

    public void setCurrent(boolean current) {
        this.current = current;
        this.currentParam = null;
    }

    /** The {@code current} URL parameter as given; "true"/"false" (any case) set {@link #isCurrent()}. */
    public String getCurrentParam() {
        boolean valid = currentParam == null || currentParam.equalsIgnoreCase("true")
                || currentParam.equalsIgnoreCase("false");
        return valid ? Boolean.toString(current) : currentParam;
    }

    public void setCurrentParam(String value) {
        String v = blankToNull(value);
        this.currentParam = v;
        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
            this.current = Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
        }
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }
}
