package org.custos.verify;

import java.util.Arrays;

/**
 * Strict hexadecimal codec for ledger values ({@code 0x}-prefixed, as JSON-RPC returns them).
 *
 * <p>Decoding rejects odd lengths and non-hex characters with {@link IllegalArgumentException}: a malformed
 * value is an error, never silently truncated or padded.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    /** The value of each ASCII hex digit, -1 for every other character below 128. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            VALUES["0123456789abcdef".charAt(i)] = (byte) i;
            VALUES["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    private Hex() {
    }

    /** Lower-case hex without prefix. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Lower-case hex with the {@code 0x} prefix. */
    public static String encodePrefixed(byte[] bytes) {
        return "0x" + encode(bytes);
    }

    /**
     * Decodes hex with or without a {@code 0x} prefix.
     *
     * @throws IllegalArgumentException if the length is odd or a character is not a hex digit
     */
    public static byte[] decode(String hex) {
        int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
        int length = hex.length() - start;
        if (length % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + abbreviate(hex));
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex, start, 2 * i) << 4) | digit(hex, start, 2 * i + 1));
        }
        return out;
    }

    /** True when both byte arrays hold the same bytes (constant time in the array length). */
    public static boolean sameBytes(byte[] a, byte[] b) {
        return java.security.MessageDigest.isEqual(a, b);
    }

    /** A defensive copy, for value types that keep bytes. */
    public static byte[] copy(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length);
    }

    /** The ASCII hex digit at {@code start + index} (only 0-9, a-f, A-F: no other Unicode digits). */
    private static int digit(String s, int start, int index) {
        char c = s.charAt(start + index);
        int d = c < 128 ? VALUES[c] : -1;
        if (d < 0) {
            throw new IllegalArgumentException("not a hex digit at position " + index + ": "
                    + abbreviate(s.substring(start)));
        }
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
