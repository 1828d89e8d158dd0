package org.custos.verify.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.chain.DerivedFields;

/**
 * The parts of a transcript as its writers build them (the CLI's {@code range}, the portal's reports): node answers
 * without the members no root commits to, and the {@code chain} member from the pinned parameters.
 */
public final class TranscriptParts {

    private TranscriptParts() {
    }

    /**
     * A copy of a block whose transactions lack their unproven members (anything unexpected is copied as it is and
     * left for the verifier to refuse).
     */
    @SuppressWarnings("unchecked")
    public static Object withoutUnproven(Object block) {
        if (!(block instanceof Map<?, ?> map) || !(map.get("transactions") instanceof List<?> txs)) {
            return block;
        }
        List<Object> kept = new ArrayList<>();
        for (Object tx : txs) {
            if (tx instanceof Map<?, ?> object) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) object);
                try {
                    copy.keySet().removeAll(DerivedFields.unprovenTransactionMembers(copy));
                } catch (IllegalArgumentException e) {
                    // a malformed type: copied as it is, the verifier reports it
                }
                kept.add(copy);
            } else {
                kept.add(tx);
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        copy.put("transactions", kept);
        return copy;
    }

    /** A copy of the receipts whose receipts and logs keep only the members the verifier proves or derives. */
    @SuppressWarnings("unchecked")
    public static Object receiptsWithoutUnproven(Object receipts) {
        if (!(receipts instanceof List<?> list)) {
            return receipts;
        }
        List<Object> kept = new ArrayList<>();
        for (Object receipt : list) {
            if (receipt instanceof Map<?, ?> object) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) object);
                copy.keySet().retainAll(DerivedFields.RECEIPT_PROVEN);
                if (copy.get("logs") instanceof List<?> logs) {
                    List<Object> keptLogs = new ArrayList<>();
                    for (Object log : logs) {
                        if (log instanceof Map<?, ?> l) {
                            Map<String, Object> logCopy = new LinkedHashMap<>((Map<String, Object>) l);
                            logCopy.keySet().retainAll(DerivedFields.LOG_PROVEN);
                            keptLogs.add(logCopy);
                        } else {
                            keptLogs.add(log);
                        }
                    }
                    copy.put("logs", keptLogs);
                }
                kept.add(copy);
            } else {
                kept.add(receipt);
            }
        }
        return kept;
    }

    /** The {@code chain} member: pinned parameters and the (informational) chain id. */
    public static Map<String, Object> chain(ChainParameters parameters, Object chainId) {
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("chainId", chainId);
        chain.put("consensus", parameters.consensus());
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("number", "0x" + parameters.checkpointNumber().toString(16));
        checkpoint.put("hash", parameters.checkpointHash().toHex());
        chain.put("checkpoint", checkpoint);
        List<Object> validators = new ArrayList<>();
        parameters.validators().forEach(v -> validators.add(v.toHex()));
        chain.put("validators", validators);
        chain.put("epochLength", "0x" + Long.toHexString(parameters.epochLength()));
        return chain;
    }
}
