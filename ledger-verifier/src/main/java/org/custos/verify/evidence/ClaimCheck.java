package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.state.Eip1186ProofVerifier;

/**
 * The claims after the blocks: each event against the verified receipts of its block ({@link EventMatcher}), each
 * EIP-1186 answer against the verified stateRoot of its block, bound to its question. Keeps what the version 2
 * checks refer to: the proven events (read from the verified logs) and the proven storage values.
 */
final class ClaimCheck {

    /** A verified EIP-1186 answer: the account and the proven value of each slot asked. */
    record ProvenState(int index, BigInteger block, Bytes address, Map<BigInteger, BigInteger> slots) {
    }

    /** A failure with the check that found it and its block. */
    record Failure(VerificationResult result, String check, Long block) {
    }

    private final List<ProvenEvent> events = new ArrayList<>();
    private final List<ProvenState> states = new ArrayList<>();

    private final boolean strict;

    /** @param strict version 2: a {@code null} member is malformed (version 1 reads it as absent) */
    ClaimCheck(boolean strict) {
        this.strict = strict;
    }

    Failure verifyEvents(Map<String, ?> transcript, BodyCheck bodies) {
        for (Map<String, ?> event : Values.optionalObjects(transcript, "events", strict)) {
            BigInteger block = Values.number(RpcValues.required(event, "block"), "events[].block");
            int txIndex = Values.intValue(RpcValues.required(event, "transactionIndex"), "transactionIndex");
            int logIndex = Values.intValue(RpcValues.required(event, "logIndex"), "logIndex");
            List<Map<String, ?>> receipts = bodies.receiptsOf(block);
            VerificationResult result = EventMatcher.match(receipts, txIndex, logIndex, event);
            if (!result.verified()) {
                return new Failure(result, "event", block.longValue());
            }
            events.add(EventMatcher.proven(events.size(), block, receipts, txIndex, logIndex));
        }
        return null;
    }

    Failure verifyStateProofs(Map<String, ?> transcript, Map<BigInteger, BlockHeader> headers) {
        for (Map<String, ?> entry : Values.optionalObjects(transcript, "stateProofs", strict)) {
            BigInteger block = Values.number(RpcValues.required(entry, "block"), "stateProofs[].block");
            Bytes address = RpcValues.fixed("stateProofs[].address", required(entry, "address",
                    "the account asked"), 20);
            List<Bytes> keys = new ArrayList<>();
            for (Object key : RpcValues.list("storageKeys", required(entry, "storageKeys", "the slots asked"))) {
                keys.add(RpcValues.fixed("storageKeys", key, 32));
            }
            BlockHeader header = headers.get(block);
            if (header == null) {
                return new Failure(VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, "block " + block,
                        "a verified header for the proof's stateRoot", "none"), "stateProof", block.longValue());
            }
            Map<String, ?> proof = Values.object(entry.get("proof"), "stateProofs[].proof");
            VerificationResult result;
            try {
                result = Eip1186ProofVerifier.verifyAnswer(header.get(HeaderField.STATE_ROOT), address, keys, proof);
            } catch (RpcFormatException e) {
                result = VerificationResult.rejected(e.reason(), "account " + address + " " + e.field(),
                        "an EIP-1186 answer", e.getMessage());
            }
            if (!result.verified()) {
                return new Failure(result, "stateProof", block.longValue());
            }
            states.add(new ProvenState(states.size(), block, address, slots(proof)));
        }
        return null;
    }

    /** The proven value of each slot of a verified answer (its storageProof entries, one per key asked). */
    private static Map<BigInteger, BigInteger> slots(Map<String, ?> proof) {
        Map<BigInteger, BigInteger> slots = new HashMap<>();
        for (Object item : RpcValues.list("storageProof", proof.get("storageProof"))) {
            Map<String, ?> slot = Values.object(item, "storageProof[]");
            slots.put(new BigInteger(1, RpcValues.fixed("key", slot.get("key"), 32).toArray()),
                    Values.number(slot.get("value"), "storageProof[].value"));
        }
        return slots;
    }

    private static Object required(Map<String, ?> entry, String name, String what) {
        if (!entry.containsKey(name)) {
            throw new IllegalArgumentException("stateProofs[]." + name + " (" + what + ") is required: a proof is "
                    + "checked against its question");
        }
        return entry.get(name);
    }

    List<ProvenEvent> events() {
        return events;
    }

    List<ProvenState> states() {
        return states;
    }
}
