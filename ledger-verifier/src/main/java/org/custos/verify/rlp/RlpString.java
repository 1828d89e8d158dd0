package org.custos.verify.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.custos.verify.Hex;

/**
 * An RLP byte string. Scalars (Yellow Paper "BE" / Appendix B eq. 181) are big-endian byte strings without leading
 * zeros; zero is the empty string.
 */
public final class RlpString implements RlpItem {

    private static final RlpString EMPTY = new RlpString(new byte[0]);

    private final byte[] bytes;

    private RlpString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static RlpString of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new RlpString(Hex.copy(bytes));
    }

    public static RlpString empty() {
        return EMPTY;
    }

    /** The canonical scalar form of a non-negative integer. */
    public static RlpString ofScalar(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RLP scalars are non-negative: " + value);
        }
        if (value.signum() == 0) {
            return EMPTY;
        }
        byte[] raw = value.toByteArray();
        return raw[0] == 0 ? new RlpString(Arrays.copyOfRange(raw, 1, raw.length)) : new RlpString(raw);
    }

    public static RlpString ofScalar(long value) {
        return ofScalar(BigInteger.valueOf(value));
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return Hex.copy(bytes);
    }

    public int length() {
        return bytes.length;
    }

    /**
     * Reads the string as a canonical scalar.
     *
     * @throws MalformedRlpException if it has a leading zero byte
     */
    public BigInteger asScalar() {
        if (bytes.length > 0 && bytes[0] == 0) {
            throw new MalformedRlpException("scalar with leading zero byte: " + Hex.encodePrefixed(bytes));
        }
        return new BigInteger(1, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RlpString that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RlpString[" + Hex.encodePrefixed(bytes) + "]";
    }
}
