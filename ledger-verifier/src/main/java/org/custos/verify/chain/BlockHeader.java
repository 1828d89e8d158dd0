package org.custos.verify.chain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.Rlp;

/**
 * An immutable Ethereum block header: the 15 classic fields (Yellow Paper §4.3) plus the optional fields of
 * later forks, in the fixed order of {@link HeaderField}. Quantities are kept as minimal big-endian bytes.
 *
 * <p>Construction validates every value and the field combination, so an instance can always be hashed.
 */
public final class BlockHeader {

    private final Map<HeaderField, Bytes> values;

    private BlockHeader(Map<HeaderField, Bytes> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Builds a header.
     *
     * @throws RpcFormatException if a classic field is missing ({@code MISSING_FIELD}), a value has the wrong
     *     length or a quantity a leading zero ({@code MALFORMED_FIELD}), or the optional fields do not form a
     *     fork's prefix ({@code IMPOSSIBLE_FIELD_COMBINATION}, e.g. withdrawalsRoot without baseFeePerGas)
     */
    public static BlockHeader of(Map<HeaderField, Bytes> fields) {
        BlockHeader header = ofAnyCombination(fields);
        checkCombination(header.values);
        return header;
    }

    /**
     * Builds the header of a block pinned by its hash (a checkpoint) with every check of {@link #of} except the
     * fork field combination: the optional fields the node reported are hashed in {@link HeaderField} order,
     * whatever set they form. Sound only where the caller then requires the recomputed hash to equal a hash pinned
     * out of band (Keccak-256 preimage resistance: no other field list hashes to it); see
     * {@link RpcHeaderParser#parseCheckpoint}.
     */
    public static BlockHeader ofAnyCombination(Map<HeaderField, Bytes> fields) {
        EnumMap<HeaderField, Bytes> values = new EnumMap<>(HeaderField.class);
        values.putAll(fields);
        for (HeaderField field : HeaderField.values()) {
            Bytes value = values.get(field);
            if (value == null && !field.optional()) {
                throw new RpcFormatException(ReasonCode.MISSING_FIELD, field.jsonName(), "required field absent");
            }
            if (value != null) {
                checkValue(field, value);
            }
        }
        return new BlockHeader(values);
    }

    /** A copy with one field replaced (or removed when {@code value} is null), validated again. */
    public BlockHeader with(HeaderField field, Bytes value) {
        EnumMap<HeaderField, Bytes> copy = new EnumMap<>(values);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return of(copy);
    }

    /** The value of a field, or null if the header does not have it. */
    public Bytes get(HeaderField field) {
        return values.get(field);
    }

    public Bytes parentHash() {
        return values.get(HeaderField.PARENT_HASH);
    }

    public BigInteger number() {
        return new BigInteger(1, values.get(HeaderField.NUMBER).toArray());
    }

    /** RLP(header): the present fields in {@link HeaderField} order, quantities as scalars. */
    public byte[] rlp() {
        byte[][] items = new byte[values.size()][];
        int i = 0;
        for (Bytes value : values.values()) {
            items[i++] = Rlp.encodeBytes(value.toArray());
        }
        return Rlp.encodeList(items);
    }

    private static void checkValue(HeaderField field, Bytes value) {
        int expected = switch (field.kind()) {
            case HASH -> 32;
            case ADDRESS -> 20;
            case BLOOM -> 256;
            case NONCE -> 8;
            case DATA, QUANTITY -> -1;
        };
        if (expected >= 0 && value.length() != expected) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, field.jsonName(),
                    "expected " + expected + " bytes, got " + value.length());
        }
        if (field.kind() == HeaderField.Kind.QUANTITY && (value.length() > 32
                || (value.length() > 0 && value.get(0) == 0))) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, field.jsonName(),
                    "quantity must be minimal and at most 32 bytes: " + value);
        }
    }

    /** A fork's fields come all together and only with every earlier fork's fields (no holes). */
    private static void checkCombination(Map<HeaderField, Bytes> values) {
        HeaderField latest = null;
        for (HeaderField field : values.keySet()) {
            if (latest == null || field.forkGroup() > latest.forkGroup()) {
                latest = field;
            }
        }
        for (HeaderField field : HeaderField.values()) {
            if (field.optional() && field.forkGroup() <= latest.forkGroup() && !values.containsKey(field)) {
                throw new RpcFormatException(ReasonCode.IMPOSSIBLE_FIELD_COMBINATION, field.jsonName(),
                        "absent although " + latest.jsonName() + " is present");
            }
        }
    }
}
