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
 * The dashboard's filters as the request gave them (rule, severity, status, clinic, current); values that are not
 * a known severity, status or clinic id are ignored rather than failing the page. The clinic is only a wish: the
 * service replaces it with the caller's own clinic for officers and DPOs.
 */
public final class FindingsFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String rule;
    private String severity;
    private String status;
    private String clinic;
    private boolean current = true;

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
    }
}
