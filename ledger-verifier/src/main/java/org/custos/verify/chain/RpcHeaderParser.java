package org.custos.verify.chain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;

/**
 * Reads a block as {@code eth_getBlockByNumber} returns it (already parsed into a map of field name to value) and
 * FAILS CLOSED: any field that is neither a known header field nor a known non-header field (hash, size,
 * totalDifficulty, uncles, transactions, withdrawals) is rejected, never silently left out of the hash.
 * Header values must be JSON strings in the canonical JSON-RPC form (quantities without leading zeros).
 */
public final class RpcHeaderParser {

    /** Block fields that are not part of the header and do not enter its hash. */
    public static final Set<String> NON_HEADER_FIELDS =
            Set.of("hash", "size", "totalDifficulty", "uncles", "transactions", "withdrawals");

    private RpcHeaderParser() {
    }

    /**
     * Parses a header and its claimed hash.
     *
     * @throws RpcFormatException with {@code UNKNOWN_FIELD}, {@code MISSING_FIELD}, {@code MALFORMED_FIELD}
     *     or {@code IMPOSSIBLE_FIELD_COMBINATION}
     */
    public static ClaimedHeader parse(Map<String, ?> block) {
        return new ClaimedHeader(BlockHeader.of(fields(block)), claimedHash(block));
    }

    /**
     * Parses the block a verifier pins by hash (its checkpoint), fail closed like {@link #parse} except for the
     * fork field combination ({@link BlockHeader#ofAnyCombination}). The one rule for checkpoints, used by the CLI's
     * transcripts and matching the portal (which never needs the checkpoint's header: its first block's parentHash
     * must equal the pinned hash): <b>a checkpoint is proven by its pinned hash alone</b>, so its header is
     * accepted exactly when the fields as reported, RLP-encoded in hashing order, hash to that pin. The caller must
     * compare the recomputed hash with the pin (as {@code SealedChainVerifier} does for the first header). Every
     * block after the checkpoint is held to the fork rule ({@link #parse}). Needed for genesis blocks such as
     * anvil's London genesis, which reports {@code blobGasUsed} and {@code excessBlobGas} without
     * {@code withdrawalsRoot} and whose hash covers exactly those fields.
     */
    public static ClaimedHeader parseCheckpoint(Map<String, ?> block) {
        return new ClaimedHeader(BlockHeader.ofAnyCombination(fields(block)), claimedHash(block));
    }

    private static EnumMap<HeaderField, Bytes> fields(Map<String, ?> block) {
        EnumMap<HeaderField, Bytes> fields = new EnumMap<>(HeaderField.class);
        for (Map.Entry<String, ?> entry : block.entrySet()) {
            HeaderField field = fieldNamed(entry.getKey());
            if (field != null) {
                fields.put(field, value(field, entry.getValue()));
            } else if (!NON_HEADER_FIELDS.contains(entry.getKey())) {
                throw new RpcFormatException(ReasonCode.UNKNOWN_FIELD, entry.getKey(),
                        "not a known header field; refusing to hash a header that may be incomplete");
            }
        }
        return fields;
    }

    private static Bytes claimedHash(Map<String, ?> block) {
        Object hash = block.get("hash");
        if (hash == null) {
            throw new RpcFormatException(ReasonCode.MISSING_FIELD, "hash", "no claimed block hash");
        }
        return RpcValues.fixed("hash", hash, 32);
    }

    private static final Map<String, HeaderField> BY_JSON_NAME = java.util.Arrays.stream(HeaderField.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(HeaderField::jsonName, f -> f));

    private static HeaderField fieldNamed(String name) {
        return BY_JSON_NAME.get(name);
    }

    private static Bytes value(HeaderField field, Object raw) {
        return field.kind() == HeaderField.Kind.QUANTITY ? RpcValues.quantity(field.jsonName(), raw)
                : RpcValues.data(field.jsonName(), raw);
    }

    /** The canonical JSON-RPC text of a field value (the inverse of parsing), e.g. for reports. */
    public static String format(HeaderField field, Bytes value) {
        if (field.kind() != HeaderField.Kind.QUANTITY) {
            return value.toHex();
        }
        return "0x" + new java.math.BigInteger(1, value.toArray()).toString(16);
    }
}
