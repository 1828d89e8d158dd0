package org.custos.portal.dpo.web;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.custos.portal.dpo.domain.DsrRequestQuery;

/**
 * The queue page's filters as the request or the form gave them (state, type, regime, received from/to, extended,
 * clinic, sort, order); values not understood are ignored rather than failing the page ({@link
 * RequestsParameters#lenient}). The clinic is only a wish: the service replaces it with the caller's own clinic for
 * officers and DPOs.
 */
public final class RequestsFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> values = new LinkedHashMap<>();

    public DsrRequestQuery toQuery() {
        return RequestsParameters.lenient(values::get);
    }

    /**
     * The CSV download's query string: the same parameters, only those understood (so the strict download never
     * refuses what the page shows), URL-encoded.
     */
    public String query() {
        DsrRequestQuery q = toQuery();
        StringJoiner s = new StringJoiner("&");
        add(s, "state", StateFilter.parse(values.get("state")) == null ? null
                : StateFilter.parse(values.get("state")).name());
        add(s, "type", q.requestType());
        add(s, "regime", q.regime());
        add(s, "from", q.receivedFrom() == null ? null : q.receivedFrom().toString().substring(0, 10));
        add(s, "to", q.receivedBefore() == null ? null
                : q.receivedBefore().minusSeconds(86_400).toString().substring(0, 10));
        add(s, "extended", q.extended() == null ? null : q.extended().toString());
        add(s, "clinic", q.clinicId());
        return s.toString();
    }

    private static void add(StringJoiner s, String name, String value) {
        if (value != null) {
            s.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private String get(String name) {
        return values.get(name);
    }

    private void set(String name, String value) {
        if (value == null || value.isBlank()) {
            values.remove(name);
        } else {
            values.put(name, value.strip());
        }
    }

    public String getState() {
        return get("state");
    }

    public void setState(String v) {
        set("state", v);
    }

    public String getType() {
        return get("type");
    }

    public void setType(String v) {
        set("type", v);
    }

    public String getRegime() {
        return get("regime");
    }

    public void setRegime(String v) {
        set("regime", v);
    }

    public String getFrom() {
        return get("from");
    }

    public void setFrom(String v) {
        set("from", v);
    }

    public String getTo() {
        return get("to");
    }

    public void setTo(String v) {
        set("to", v);
    }

    public String getExtended() {
        return get("extended");
    }

    public void setExtended(String v) {
        set("extended", v);
    }

    public String getClinic() {
        return get("clinic");
    }

    public void setClinic(String v) {
        set("clinic", v);
    }

    public String getSort() {
        return get("sort");
    }

    public void setSort(String v) {
        set("sort", v);
    }

    public String getOrder() {
        return get("order");
    }

    public void setOrder(String v) {
        set("order", v);
    }
}
