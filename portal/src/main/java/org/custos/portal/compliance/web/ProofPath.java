package org.custos.portal.compliance.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.ledger.domain.VerifiedEvent;

/**
 * A stored finding's evidence ({@code evidence_json}: the rule's {@link EvidenceRef}s) and objects, read back for
 * the finding page. An on-chain proof becomes the step list block → transaction → log → receipts root → header →
 * chain, with the ids of the ledger pages that show each; a bundle proof its file, entry and inclusion path.
 */
public final class ProofPath {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One proof of the finding, as the page shows it. */
    public record Step(EvidenceRef ref, Long eventId) implements java.io.Serializable {

        public boolean isOnChain() {
            return ref.block() != null;
        }

        public boolean isEntry() {
            return ref.treeSize() != null;
        }

        public boolean isFile() {
            return ref.block() == null && ref.treeSize() == null;
        }

        /** The block time in the portal's one format (as stored, if it is not an ISO instant); null if none. */
        public String getTime() {
            return when(ref.time());
        }
    }

    /** An ISO instant in the portal's one format ({@code InstantConverter}); other text as it is. */
    static String when(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return new org.custos.portal.system.InstantConverter().getAsString(null, null,
                    java.time.Instant.parse(iso.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private ProofPath() {
    }

    public static List<Step> steps(String evidenceJson) {
        List<EvidenceRef> refs = read(evidenceJson, new TypeReference<List<EvidenceRef>>() { });
        return refs.stream().map(r -> new Step(r, eventId(r))).toList();
    }

    public static Map<String, String> objects(String objectsJson) {
        return new TreeMap<>(read(objectsJson, new TypeReference<Map<String, String>>() { }));
    }

    /** The ledger page id of an on-chain proof's event ({@link VerifiedEvent}: block × 1,000,000 + log index). */
    static Long eventId(EvidenceRef r) {
        return r.block() == null || r.logIndex() == null ? null
                : r.block() * VerifiedEvent.LOGS_PER_BLOCK + r.logIndex();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored finding JSON is not readable", e);
        }
    }
}
