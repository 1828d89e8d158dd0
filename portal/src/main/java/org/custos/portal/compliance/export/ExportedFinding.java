package org.custos.portal.compliance.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;

/**
 * A stored finding as exported: its values, its objects and its proofs read back from the stored JSON, each
 * proven event with the hash of its verified block; {@code actTime} is when the act happened
 * ({@link org.custos.portal.compliance.domain.ActTime}, null in findings stored before it was kept).
 */
public record ExportedFinding(String key, String ruleId, int ruleVersion, String legalSource, Severity severity,
                              String clinicId, String objectKey, String summary, Map<String, String> objects,
                              FindingStatus status, String statusReason, String statusChangedBy,
                              Instant statusChangedAt, boolean current, Instant firstSeen, Instant lastSeen,
                              Instant deadline, Instant actual, List<Proof> proofs, Instant actTime) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One proof of the finding; {@code blockHash} is the verified block's hash for an event, else null. */
    public record Proof(EvidenceRef ref, String blockHash) {

        public boolean isEvent() {
            return ref.block() != null;
        }
    }

    public ExportedFinding {
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        proofs = List.copyOf(proofs);
    }

    /** From the stored finding; {@code blockHash} gives a verified block's hash by number (null if unknown). */
    public static ExportedFinding of(StoredFinding f, LongFunction<String> blockHash) {
        List<Proof> proofs = new ArrayList<>();
        for (EvidenceRef ref : evidence(f)) {
            proofs.add(new Proof(ref, ref.block() == null ? null : blockHash.apply(ref.block())));
        }
        return new ExportedFinding(f.getKey(), f.getRuleId(), f.getRuleVersion(), f.getLegalSource(),
                f.getSeverity(), f.getClinicId(), f.getObjectKey(), f.getSummary(), objects(f), f.getStatus(),
                f.getStatusReason(), f.getStatusChangedBy(), f.getStatusChangedAt(), f.isCurrent(), f.getFirstSeen(),
                f.getLastSeen(), f.getDeadline(), f.getActual(), proofs, f.getActTime());
    }

    /** The numbers of the blocks this finding's proven events are in. */
    public java.util.Set<Long> blockNumbers() {
        java.util.Set<Long> numbers = new java.util.TreeSet<>();
        proofs.forEach(p -> {
            if (p.ref().block() != null) {
                numbers.add(p.ref().block());
            }
        });
        return numbers;
    }

    /** The same finding with the verified blocks' hashes filled in. */
    public ExportedFinding withBlockHashes(LongFunction<String> blockHash) {
        List<Proof> hashed = proofs.stream().map(p -> new Proof(p.ref(), p.ref().block() == null ? null
                : blockHash.apply(p.ref().block()))).toList();
        return new ExportedFinding(key, ruleId, ruleVersion, legalSource, severity, clinicId, objectKey, summary,
                objects, status, statusReason, statusChangedBy, statusChangedAt, current, firstSeen, lastSeen,
                deadline, actual, hashed, actTime);
    }

    static Map<String, String> objects(StoredFinding f) {
        Map<String, String> objects = new LinkedHashMap<>();
        JsonNode node = read(f.getObjectsJson(), f.getKey());
        node.fields().forEachRemaining(e -> objects.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return objects;
    }

    static List<EvidenceRef> evidence(StoredFinding f) {
        JsonNode node = read(f.getEvidenceJson(), f.getKey());
        try {
            return List.of(JSON.treeToValue(node, EvidenceRef[].class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("finding " + f.getKey() + " has malformed stored evidence", e);
        }
    }

    private static JsonNode read(String json, String key) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("finding " + key + " has malformed stored JSON", e);
        }
    }
}
