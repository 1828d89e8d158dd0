package org.custos.verify;

import java.util.Arrays;

/**
 * An immutable byte string with value semantics, for hashes, addresses and other ledger values kept in records.
 * {@link #toString()} is the {@code 0x}-prefixed lower-case hex form.
 */
public final class Bytes {

    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** Wraps a copy of {@code bytes}. */
    public static Bytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(Hex.copy(bytes));
    }

    /** Parses hex with or without {@code 0x}; see {@link Hex#decode(String)}. */
    public static Bytes fromHex(String hex) {
        byte[] decoded = Hex.decode(hex);   // a fresh array nobody else holds: no copy needed
        return decoded.length == 0 ? EMPTY : new Bytes(decoded);
    }

    public static Bytes empty() {
        return EMPTY;
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return Hex.copy(value);
    }

    public int length() {
        return value.length;
    }

    /** The byte at {@code index} as an unsigned value. */
    public int get(int index) {
        return value[index] & 0xff;
    }

    public String toHex() {
        return Hex.encodePrefixed(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
