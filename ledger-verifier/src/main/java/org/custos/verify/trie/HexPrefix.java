package org.custos.verify.trie;

/** Hex-prefix encoding of a nibble path (Yellow Paper Appendix C, function HP). */
public final class HexPrefix {

    private HexPrefix() {
    }

    /**
     * HP(x, t): the flag nibble is {@code 2t + (odd length)}; an even-length path gets a zero padding nibble.
     *
     * @param nibbles values 0-15
     * @param leaf    t: true for a leaf node, false for an extension node
     */
    public static byte[] encode(byte[] nibbles, int from, int to, boolean leaf) {
        int length = to - from;
        boolean odd = (length & 1) == 1;
        int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
        byte[] out = new byte[length / 2 + 1];
        int i = from;
        if (odd) {
            out[0] = (byte) ((flag << 4) | nibbles[i++]);
        } else {
            out[0] = (byte) (flag << 4);
        }
        for (int o = 1; o < out.length; o++, i += 2) {
            out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
        }
        return out;
    }

    /** The nibbles of a key, most significant first. */
    public static byte[] nibbles(byte[] key) {
        byte[] out = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            out[2 * i] = (byte) ((key[i] >> 4) & 0xf);
            out[2 * i + 1] = (byte) (key[i] & 0xf);
        }
        return out;
    }
}
