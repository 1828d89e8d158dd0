package org.custos.portal.evidence.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custos.portal.ledger.domain.VerifiedEvent;

/**
 * A consortium event the ledger sync stored after proving it (receipt under the receiptsRoot of a verified
 * header): name, clinic, decoded fields as text, and where it is (block, transaction, log index, block time,
 * receipts root). The only on-chain input of the rules.
 */
public record ProvenEvent(long id, String name, String clinicId, Map<String, String> fields, long block,
                          int txIndex, int logIndex, String txHash, Instant time, String receiptsRoot) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ProvenEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** From the sync's stored event and its block's receipts root (null if not at hand). */
    public static ProvenEvent of(VerifiedEvent e, String receiptsRoot) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(e.getFieldsJson());
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("stored event " + e.getId() + " has malformed fields", ex);
        }
        return new ProvenEvent(e.getId(), e.getEventName(), e.getClinicId(), fields, e.getBlockNumber(),
                e.getTxIndex(), e.getLogIndex(), e.getTxHash(), e.getBlockTime(), receiptsRoot);
    }

    public String field(String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalStateException(this.name + " has no field " + name);
        }
        return v;
    }

    public long longField(String name) {
        return Long.parseLong(field(name));
    }

    public int intField(String name) {
        return Integer.parseInt(field(name));
    }

    public long epoch() {
        return time.getEpochSecond();
    }
}
