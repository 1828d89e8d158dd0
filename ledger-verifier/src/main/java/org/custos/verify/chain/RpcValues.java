package org.custos.verify.chain;

import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;

/** Strict readers for JSON-RPC values (hex strings): anything non-canonical is a {@link RpcFormatException}. */
public final class RpcValues {

    private RpcValues() {
    }

    /** A quantity: {@code 0x0} or {@code 0x} + lower-case hex without leading zeros; returns minimal bytes. */
    public static Bytes quantity(String name, Object raw) {
        String text = string(name, raw);
        if (!canonicalQuantity(text)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name,
                    "not a canonical JSON-RPC quantity of at most 32 bytes: " + text);
        }
        String digits = text.substring(2);
        if (digits.equals("0")) {
            return Bytes.empty();
        }
        return Bytes.fromHex(digits.length() % 2 == 0 ? digits : "0" + digits);
    }

    /** {@code 0x(0|[1-9a-f][0-9a-f]{0,63})}, checked without a regular expression (called for every header field). */
    static boolean canonicalQuantity(String text) {
        int n = text.length();
        if (n < 3 || n > 66 || text.charAt(0) != '0' || text.charAt(1) != 'x') {
            return false;
        }
        if (text.charAt(2) == '0') {
            return n == 3;
        }
        for (int i = 2; i < n; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Unformatted data: {@code 0x} + an even number of hex digits. */
    public static Bytes data(String name, Object raw) {
        String text = string(name, raw);
        if (!text.startsWith("0x")) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name, "missing 0x prefix");
        }
        try {
            return Bytes.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name, e.getMessage());
        }
    }

    /** Data of exactly {@code length} bytes. */
    public static Bytes fixed(String name, Object raw, int length) {
        Bytes value = data(name, raw);
        if (value.length() != length) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name,
                    "expected " + length + " bytes, got " + value.length());
        }
        return value;
    }

    /** A required member of a JSON object. */
    public static Object required(java.util.Map<String, ?> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            throw new RpcFormatException(ReasonCode.MISSING_FIELD, name, "required field absent");
        }
        return value;
    }

    /** A JSON array. */
    public static List<?> list(String name, Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name, "expected an array");
        }
        return list;
    }

    private static String string(String name, Object raw) {
        if (!(raw instanceof String text)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name,
                    "expected a hex string, got " + (raw == null ? "null" : raw.getClass().getSimpleName()));
        }
        return text;
    }
}
