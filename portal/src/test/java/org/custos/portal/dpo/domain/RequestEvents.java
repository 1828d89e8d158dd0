package org.custos.portal.dpo.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.evidence.domain.ProvenEvent;

/** Builds a clinic's proven request events for the queue's tests (fake chain: ids and blocks in creation order). */
public final class RequestEvents {

    public static final String NORTH = "0x" + "a1".repeat(32);
    public static final String SOUTH = "0x" + "b2".repeat(32);

    private final String clinic;
    private final List<ProvenEvent> events = new ArrayList<>();
    private final long base;

    public RequestEvents(String clinic) {
        this.clinic = clinic;
        this.base = clinic.equals(SOUTH) ? 500_000_000L : 0;
    }

    /** Request id {@code n}: 0x and 64 hex digits. */
    public static String id(int n) {
        return String.format("0x%064x", n);
    }

    public static String subject(int n) {
        return String.format("0x%064x", 1_000_000 + n);
    }

    public RequestEvents add(String name, Instant time, String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clinicId", clinic);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        long block = base + events.size() + 1;
        events.add(new ProvenEvent(block * 10, name, clinic, fields, block, 0, 0, String.format("0x%064x", block),
                time, "0x" + "99".repeat(32)));
        return this;
    }

    /** RequestReceived of request {@code n}: type 0 ACCESS .. 3 ACCOUNTING, regime 0 GDPR, 1 UK_GDPR, 2 HIPAA. */
    public RequestEvents received(int n, Instant at, int type, int regime) {
        return add("RequestReceived", at, "requestId", id(n), "subjectPseudonym", subject(n), "requestType",
                Integer.toString(type), "regime", Integer.toString(regime));
    }

    public RequestEvents extended(int n, Instant at) {
        return add("RequestExtended", at, "requestId", id(n), "reasonsHash", "0x" + "cd".repeat(32));
    }

    public RequestEvents answered(int n, Instant at, int outcome) {
        return add("RequestAnswered", at, "requestId", id(n), "outcome", Integer.toString(outcome), "legalGround",
                "3", "replyHash", "0x" + "ef".repeat(32));
    }

    public List<ProvenEvent> list() {
        return List.copyOf(events);
    }
}
