package org.custos.portal.compliance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.evidence.domain.ProvenEvent;

/** Builds proven events of one clinic for rule unit tests (fake chain: ids and blocks in order of creation). */
final class Events {

    static final String CLINIC = "0x" + "11".repeat(32);
    private final List<ProvenEvent> events = new ArrayList<>();

    static String word(int n) {
        return "0x" + String.format("%064x", n);
    }

    Events add(String name, Instant time, String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clinicId", CLINIC);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        long block = events.size() + 1;
        events.add(new ProvenEvent(block * 1_000_000L, name, CLINIC, fields, block, 0, 0,
                String.format("0x%064x", block), time, word(999)));
        return this;
    }

    Events admitted(int jurisdiction, boolean hipaa) {
        return add("ClinicAdmitted", Instant.parse("2025-01-01T00:00:00Z"), "jurisdiction",
                Integer.toString(jurisdiction), "hipaaCoveredEntity", Boolean.toString(hipaa), "writer",
                "0x" + "22".repeat(20), "kmsAttestationKey", "0x" + "33".repeat(20), "logSigner",
                "0x" + "44".repeat(20));
    }

    List<ProvenEvent> list() {
        return List.copyOf(events);
    }

    ClinicFacts facts(Instant asOf) {
        return new ClinicFacts(CLINIC, events, null, null, asOf);
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }
}
