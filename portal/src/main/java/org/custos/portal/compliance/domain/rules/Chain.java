package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.evidence.domain.ProvenEvent;

/** Lookups over a clinic's proven events shared by the rules (built per evaluation). */
final class Chain {

    static final String ZERO = "0x" + "0".repeat(64);

    private Chain() {
    }

    /** First event of {@code name} per value of {@code field}. */
    static Map<String, ProvenEvent> firstBy(ClinicFacts f, String name, String field) {
        Map<String, ProvenEvent> out = new HashMap<>();
        for (ProvenEvent e : f.events(name)) {
            out.putIfAbsent(e.field(field), e);
        }
        return out;
    }

    /**
     * The clinic's data-subject requests: the first {@code RequestReceived} of each request id, in chain order. The
     * contract does not refuse a request id used twice; judging it once keeps one finding per rule and request (a
     * finding's key names the request), so a repeated id cannot give two findings of the same key.
     */
    static List<ProvenEvent> requests(ClinicFacts f) {
        Set<String> seen = new HashSet<>();
        List<ProvenEvent> out = new ArrayList<>();
        for (ProvenEvent r : f.events("RequestReceived")) {
            if (seen.add(r.field("requestId"))) {
                out.add(r);
            }
        }
        return out;
    }

    static Map<String, List<ProvenEvent>> allBy(ClinicFacts f, String name, String field) {
        Map<String, List<ProvenEvent>> out = new HashMap<>();
        for (ProvenEvent e : f.events(name)) {
            out.computeIfAbsent(e.field(field), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    static Optional<ProvenEvent> first(List<ProvenEvent> events, java.util.function.Predicate<ProvenEvent> p) {
        return events == null ? Optional.empty() : events.stream().filter(p).findFirst();
    }

    static Instant epoch(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }
}
