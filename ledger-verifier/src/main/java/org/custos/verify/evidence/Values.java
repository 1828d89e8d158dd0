package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.chain.RpcValues;

/**
 * Reading transcript members outside block bodies. A member of the wrong type is a malformed transcript:
 * {@link IllegalArgumentException} with the member's name, never a verdict.
 */
final class Values {

    private Values() {
    }

    /** A JSON-RPC quantity ({@code 0x}-hex, no leading zero). */
    static BigInteger number(Object raw, String name) {
        return new BigInteger(1, RpcValues.quantity(name, raw).toArray());
    }

    /** A quantity that fits in a long (an index, a tree size); larger is malformed, not an overflow. */
    static long longValue(Object raw, String name) {
        BigInteger value = number(raw, name);
        if (value.bitLength() > 63) {
            throw new IllegalArgumentException(name + ": " + value + " is too large");
        }
        return value.longValue();
    }

    /** A quantity that fits in an int (a transaction or log index). */
    static int intValue(Object raw, String name) {
        long value = longValue(raw, name);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": " + value + " is too large");
        }
        return (int) value;
    }

    /** A JSON integer from 0 to {@link Integer#MAX_VALUE} (an index into a transcript member, a word number). */
    static int index(Object raw, String name) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
            BigInteger value = raw instanceof BigInteger b ? b : BigInteger.valueOf(((Number) raw).longValue());
            if (value.signum() >= 0 && value.bitLength() < 32) {
                return value.intValue();
            }
        }
        throw new IllegalArgumentException(name + ": expected an integer from 0 to " + Integer.MAX_VALUE + ", got "
                + BodyCheck.describe(raw) + (raw instanceof Number ? " " + raw : ""));
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> object(Object raw, String name) {
        if (!(raw instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(name + ": expected an object");
        }
        return (Map<String, ?>) raw;
    }

    static List<Map<String, ?>> objects(Object raw, String name) {
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException(name + ": expected an array");
        }
        List<Map<String, ?>> out = new ArrayList<>();
        for (Object item : list) {
            out.add(object(item, name + "[]"));
        }
        return out;
    }

    /**
     * An optional array member: absent means empty; anything but an array of objects is malformed, and so is
     * {@code null} when {@code strict} (version 2; version 1 reads a null member as absent).
     */
    static List<Map<String, ?>> optionalObjects(Map<String, ?> owner, String name, boolean strict) {
        Object listed = owner.get(name);
        return listed == null && (!strict || !owner.containsKey(name)) ? List.of() : objects(listed, name);
    }
}
