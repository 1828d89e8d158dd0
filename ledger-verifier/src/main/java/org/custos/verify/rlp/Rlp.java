package org.custos.verify.rlp;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * RLP encoding (Yellow Paper Appendix B) and strict decoding.
 *
 * <p>Encoding is canonical by construction. {@link #decode(byte[])} accepts exactly one canonical item and
 * nothing after it.
 */
public final class Rlp {

    private Rlp() {
    }

    /** Encodes an item tree. */
    public static byte[] encode(RlpItem item) {
        if (item instanceof RlpString string) {
            return encodeBytes(string.bytes());
        }
        List<RlpItem> items = ((RlpList) item).items();
        byte[][] encoded = new byte[items.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encode(items.get(i));
        }
        return encodeList(encoded);
    }

    /** Encodes a byte string (Yellow Paper Appendix B, R_b). */
    public static byte[] encodeBytes(byte[] bytes) {
        if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
            return new byte[] {bytes[0]};
        }
        return withPrefix(0x80, bytes, bytes.length);
    }

    /** Encodes a list whose items are already RLP-encoded (Yellow Paper Appendix B, R_l). */
    public static byte[] encodeList(byte[]... encodedItems) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] item : encodedItems) {
            payload.writeBytes(item);
        }
        byte[] bytes = payload.toByteArray();
        return withPrefix(0xc0, bytes, bytes.length);
    }

    /**
     * Decodes one canonical RLP item that spans the whole input.
     *
     * @throws MalformedRlpException if the input is empty, non-canonical, overruns, or has trailing bytes
     */
    public static RlpItem decode(byte[] encoded) {
        return new RlpDecoder(encoded).decodeAll();
    }

    private static byte[] withPrefix(int offset, byte[] payload, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 9);
        if (length < 56) {
            out.write(offset + length);
        } else {
            byte[] lengthBytes = RlpString.ofScalar(length).bytes();
            out.write(offset + 55 + lengthBytes.length);
            out.writeBytes(lengthBytes);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
