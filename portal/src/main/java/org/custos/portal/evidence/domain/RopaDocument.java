package org.custos.portal.evidence.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The machine-readable part of a clinic's records of processing ({@code documents/ropa-v<n>.json}, format
 * {@code custos-ropa/1}, docs/evidence-bundle.md): per purpose the basis code and data categories, per data
 * category the retention in days. Read only from a bundle document whose SHA-256 the clinic anchored.
 *
 * @param purposes      purposeId → data categories the RoPA declares for it
 * @param basisCodes    purposeId → declared {@code basisCode}
 * @param retentionDays data category → retention in days (positive)
 */
public record RopaDocument(Map<Integer, Set<Integer>> purposes, Map<Integer, Integer> basisCodes,
                           Map<Integer, Integer> retentionDays) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RopaDocument {
        purposes = Map.copyOf(purposes);
        basisCodes = Map.copyOf(basisCodes);
        retentionDays = Map.copyOf(retentionDays);
    }

    /** Parses {@code content}; empty when it is not a {@code custos-ropa/1} document of {@code clinic}. */
    public static Optional<RopaDocument> parse(byte[] content, String clinic) {
        try {
            JsonNode n = JSON.readTree(content);
            if (n == null || !"custos-ropa/1".equals(n.path("format").asText())
                    || !clinic.equals(n.path("clinic").asText())) {
                return Optional.empty();
            }
            Map<Integer, Set<Integer>> purposes = new TreeMap<>();
            Map<Integer, Integer> basis = new TreeMap<>();
            for (JsonNode p : n.path("purposes")) {
                if (!p.path("purpose").canConvertToInt()) {
                    continue;
                }
                Set<Integer> categories = new TreeSet<>();
                p.path("categories").forEach(c -> categories.add(c.asInt()));
                purposes.put(p.path("purpose").asInt(), categories);
                if (p.path("basisCode").canConvertToInt()) {
                    basis.put(p.path("purpose").asInt(), p.path("basisCode").asInt());
                }
            }
            Map<Integer, Integer> days = new TreeMap<>();
            for (JsonNode c : n.path("categories")) {
                if (c.path("category").canConvertToInt() && c.path("retentionDays").canConvertToInt()
                        && c.path("retentionDays").asInt() > 0) {
                    days.put(c.path("category").asInt(), c.path("retentionDays").asInt());
                }
            }
            return Optional.of(new RopaDocument(purposes, basis, days));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
