package org.custos.verify.rlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The strict decoder behind {@link Rlp#decode(byte[])}. One instance per input; not thread-safe. */
final class RlpDecoder {

    private final byte[] in;

    RlpDecoder(byte[] in) {
        this.in = in;
    }

    RlpItem decodeAll() {
        if (in.length == 0) {
            throw new MalformedRlpException("empty input");
        }
        Decoded decoded = read(0, in.length);
        if (decoded.end != in.length) {
            throw new MalformedRlpException((in.length - decoded.end) + " trailing byte(s) after the item");
        }
        return decoded.item;
    }

    private record Decoded(RlpItem item, int end) {
    }

    /** Reads the item starting at {@code pos}; it must end at or before {@code limit}. */
    private Decoded read(int pos, int limit) {
        int prefix = in[pos] & 0xff;
        if (prefix < 0x80) {
            return new Decoded(RlpString.of(new byte[] {in[pos]}), pos + 1);
        }
        if (prefix <= 0xb7) {
            int length = prefix - 0x80;
            int start = requireFits(pos + 1, length, limit);
            if (length == 1 && (in[start] & 0xff) < 0x80) {
                throw new MalformedRlpException("single byte below 0x80 wrapped in a string at offset " + pos);
            }
            return string(start, length);
        }
        if (prefix <= 0xbf) {
            int lengthOfLength = prefix - 0xb7;
            int length = readLongLength(pos + 1, lengthOfLength, limit);
            return string(requireFits(pos + 1 + lengthOfLength, length, limit), length);
        }
        if (prefix <= 0xf7) {
            int length = prefix - 0xc0;
            return list(requireFits(pos + 1, length, limit), length);
        }
        int lengthOfLength = prefix - 0xf7;
        int length = readLongLength(pos + 1, lengthOfLength, limit);
        return list(requireFits(pos + 1 + lengthOfLength, length, limit), length);
    }

    private Decoded string(int start, int length) {
        return new Decoded(RlpString.of(Arrays.copyOfRange(in, start, start + length)), start + length);
    }

    private Decoded list(int start, int length) {
        int end = start + length;
        List<RlpItem> items = new ArrayList<>();
        int pos = start;
        while (pos < end) {
            Decoded child = read(pos, end);
            items.add(child.item);
            pos = child.end;
        }
        return new Decoded(new RlpList(items), end);
    }

    /** Reads a long-form length: no leading zero byte, at least 56, fits in an int. */
    private int readLongLength(int pos, int lengthOfLength, int limit) {
        requireFits(pos, lengthOfLength, limit);
        if (in[pos] == 0) {
            throw new MalformedRlpException("length with leading zero byte at offset " + pos);
        }
        long length = 0;
        for (int i = 0; i < lengthOfLength; i++) {
            length = (length << 8) | (in[pos + i] & 0xff);
            if (length > Integer.MAX_VALUE) {
                throw new MalformedRlpException("length too large at offset " + pos);
            }
        }
        if (length < 56) {
            throw new MalformedRlpException("long form used for length " + length + " < 56 at offset " + pos);
        }
        return (int) length;
    }

    /** Returns {@code start} if {@code length} bytes from it end at or before {@code limit}. */
    private static int requireFits(int start, int length, int limit) {
        if ((long) start + length > limit) {
            throw new MalformedRlpException("item of " + length + " bytes at offset " + start
                    + " overruns its enclosing data (ends at " + limit + ")");
        }
        return start;
    }
}
