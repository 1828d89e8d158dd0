package org.custos.portal.ledger.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;

/**
 * Decodes the consortium's events (docs/consortium.md) from log topics and data by their ABI. Every parameter of
 * these events is a static 32-byte word, so decoding is exact and strict: a word that does not fit its type (an
 * address with non-zero high bytes, a bool other than 0/1, a uint wider than its bits) or a wrong topic count or
 * data length makes the log undecodable (it is then kept as such, never guessed at).
 *
 * <p>Only logs from the configured contract addresses are decoded, and callers pass only logs from receipts
 * proven against a verified header.
 */
public final class ConsortiumEventCodec {

    /** One parameter of an event. */
    record Param(String name, String type, boolean indexed) {
    }

    /** One event of one contract. */
    record EventSpec(String contract, String name, List<Param> params) {

        String signature() {
            StringBuilder b = new StringBuilder(name).append('(');
            for (int i = 0; i < params.size(); i++) {
                b.append(i == 0 ? "" : ",").append(params.get(i).type());
            }
            return b.append(')').toString();
        }
    }

    /** A decoded event: its name, the clinic it concerns (bytes32 hex) and its parameters as JSON text. */
    public record Decoded(String name, String clinicId, String fieldsJson) {
    }

    /** Events in the order of docs/consortium.md; enum types are uint8 in the ABI. */
    private static final String[] SPECS = {
        "registry ClinicAdmitted(bytes32 indexed clinicId, uint8 jurisdiction, bool hipaaCoveredEntity, "
                + "address writer, address kmsAttestationKey, address logSigner)",
        "registry ClinicUpdated(bytes32 indexed clinicId, uint8 jurisdiction, bool hipaaCoveredEntity, "
                + "address writer, address kmsAttestationKey, address logSigner)",
        "registry ClinicSuspended(bytes32 indexed clinicId)",
        "records RecordCommitted(bytes32 indexed clinicId, bytes32 indexed recordId, bytes32 commitment, "
                + "uint8 scheme, bytes32 keyId, uint16 purposeId, uint16 basisCode, uint16 dataCategory)",
        "records RecordSuperseded(bytes32 indexed clinicId, bytes32 indexed oldRecordId, "
                + "bytes32 indexed newRecordId)",
        "records AuditCheckpoint(bytes32 indexed clinicId, uint64 treeSize, bytes32 rootHash)",
        "records ConsentGranted(bytes32 indexed clinicId, bytes32 indexed consentId, "
                + "bytes32 indexed subjectPseudonym, uint16 purposeId, bytes32 policyHash, uint64 expiry)",
        "records ConsentRevoked(bytes32 indexed clinicId, bytes32 indexed consentId, "
                + "bytes32 indexed subjectPseudonym, uint16 purposeId)",
        "records KeyRegistered(bytes32 indexed clinicId, bytes32 indexed keyId, bytes32 indexed subjectPseudonym, "
                + "bytes32 keyCommitment)",
        "records KeyDestroyed(bytes32 indexed clinicId, bytes32 indexed keyId, bytes32 kmsDeletionReceiptHash)",
        "accountability RequestReceived(bytes32 indexed clinicId, bytes32 indexed requestId, "
                + "bytes32 indexed subjectPseudonym, uint8 requestType, uint8 regime)",
        "accountability RequestExtended(bytes32 indexed clinicId, bytes32 indexed requestId, bytes32 reasonsHash)",
        "accountability RequestAnswered(bytes32 indexed clinicId, bytes32 indexed requestId, uint8 outcome, "
                + "uint16 legalGround, bytes32 replyHash)",
        "accountability DisclosureRecorded(bytes32 indexed clinicId, bytes32 indexed disclosureId, "
                + "bytes32 indexed subjectPseudonym, bytes32 recipientId, uint16 purposeId, uint16 dataCategory)",
        "accountability BreachDetected(bytes32 indexed clinicId, bytes32 indexed breachId, uint64 awareAt, "
                + "uint32 affectedCount, uint8 risk)",
        "accountability BreachNotified(bytes32 indexed clinicId, bytes32 indexed breachId, uint8 audience, "
                + "bytes32 noticeHash)",
        "accountability DocumentAnchored(bytes32 indexed clinicId, uint16 indexed docType, bytes32 docHash, "
                + "uint32 version)",
    };

    /** The name given to a proven log of a consortium contract that does not decode. */
    public static final String UNDECODABLE = "Undecodable";

    private final Map<String, EventSpec> byContractAndTopic = new HashMap<>();

    public ConsortiumEventCodec() {
        for (String spec : SPECS) {
            EventSpec e = parse(spec);
            String topic0 = Hex.encodePrefixed(Hashes.keccak256(e.signature().getBytes(StandardCharsets.US_ASCII)));
            byContractAndTopic.put(e.contract() + " " + topic0, e);
        }
    }

    /** The event names this codec knows, in documentation order. */
    public static List<String> eventNames() {
        List<String> names = new ArrayList<>();
        for (String spec : SPECS) {
            names.add(parse(spec).name());
        }
        return names;
    }

    /** topic0 of an event by name (for tests and documentation). */
    public static String topic0(String eventName) {
        for (String spec : SPECS) {
            EventSpec e = parse(spec);
            if (e.name().equals(eventName)) {
                return Hex.encodePrefixed(Hashes.keccak256(e.signature().getBytes(StandardCharsets.US_ASCII)));
            }
        }
        throw new IllegalArgumentException("unknown event " + eventName);
    }

    /**
     * Decodes a log of the contract with role {@code contract} ("registry", "records", "accountability").
     * Returns an {@link #UNDECODABLE} result (clinic from topic 1 if it is a 32-byte word) when the log does not
     * match an event of that contract exactly.
     */
    public Decoded decode(String contract, List<String> topics, String data) {
        String clinic = topics.size() > 1 && topics.get(1).length() == 66 ? topics.get(1) : null;
        if (topics.isEmpty()) {
            return undecodable(clinic, "no topics (anonymous log)");
        }
        EventSpec spec = byContractAndTopic.get(contract + " " + topics.get(0));
        if (spec == null) {
            return undecodable(clinic, "unknown topic0 " + topics.get(0));
        }
        long indexed = spec.params().stream().filter(Param::indexed).count();
        if (topics.size() != indexed + 1) {
            return undecodable(clinic, spec.name() + ": expected " + (indexed + 1) + " topics, got " + topics.size());
        }
        byte[] bytes = Hex.decode(data.startsWith("0x") ? data.substring(2) : data);
        long words = spec.params().size() - indexed;
        if (bytes.length != words * 32) {
            return undecodable(clinic, spec.name() + ": expected " + words * 32 + " data bytes, got "
                    + bytes.length);
        }
        StringBuilder json = new StringBuilder("{");
        int topic = 1;
        int word = 0;
        for (Param p : spec.params()) {
            byte[] value;
            if (p.indexed()) {
                value = Hex.decode(topics.get(topic++).substring(2));
            } else {
                value = new byte[32];
                System.arraycopy(bytes, word++ * 32, value, 0, 32);
            }
            String rendered = render(p.type(), value);
            if (rendered == null) {
                return undecodable(clinic, spec.name() + "." + p.name() + ": not a valid " + p.type());
            }
            json.append(json.length() > 1 ? "," : "").append('"').append(p.name()).append("\":").append(rendered);
        }
        return new Decoded(spec.name(), clinic, json.append('}').toString());
    }

    private static Decoded undecodable(String clinic, String why) {
        return new Decoded(UNDECODABLE, clinic, "{\"error\":\"" + why.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
    }

    /** JSON text of one 32-byte word of the given type, or null if the word does not fit the type. */
    private static String render(String type, byte[] word) {
        if (word.length != 32) {
            return null;
        }
        switch (type) {
            case "bytes32":
                return "\"" + Hex.encodePrefixed(word) + "\"";
            case "address":
                for (int i = 0; i < 12; i++) {
                    if (word[i] != 0) {
                        return null;
                    }
                }
                byte[] a = new byte[20];
                System.arraycopy(word, 12, a, 0, 20);
                return "\"" + Hex.encodePrefixed(a) + "\"";
            case "bool": {
                BigInteger v = new BigInteger(1, word);
                return v.equals(BigInteger.ZERO) ? "false" : v.equals(BigInteger.ONE) ? "true" : null;
            }
            default: {
                int bits = Integer.parseInt(type.substring("uint".length()));
                BigInteger v = new BigInteger(1, word);
                return v.bitLength() > bits ? null : "\"" + v + "\"";
            }
        }
    }

    private static EventSpec parse(String spec) {
        int space = spec.indexOf(' ');
        int open = spec.indexOf('(');
        String contract = spec.substring(0, space);
        String name = spec.substring(space + 1, open);
        List<Param> params = new ArrayList<>();
        for (String p : spec.substring(open + 1, spec.length() - 1).split(",")) {
            String[] parts = p.trim().split("\\s+");
            boolean indexed = parts.length == 3 && parts[1].equals("indexed");
            params.add(new Param(parts[parts.length - 1], parts[0].toLowerCase(Locale.ROOT), indexed));
        }
        return new EventSpec(contract, name, List.copyOf(params));
    }
}
