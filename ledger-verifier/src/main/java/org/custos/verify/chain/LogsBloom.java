package org.custos.verify.chain;

import org.custos.verify.Hashes;

/**
 * The 2048-bit logs bloom filter (Yellow Paper §4.3.1, functions M and M3:2048): for the address and each topic
 * of every log, three bits are set, chosen by the low 11 bits of the first three byte pairs of its KEC hash.
 */
public final class LogsBloom {

    /** 256 bytes. */
    public static final int LENGTH = 256;

    private final byte[] bits = new byte[LENGTH];

    /** Adds one log: its address and topics (Yellow Paper eq. 29: M(O) = ∨ M3:2048 over Oa and Ot). */
    public LogsBloom addLog(byte[] address, Iterable<byte[]> topics) {
        add(address);
        for (byte[] topic : topics) {
            add(topic);
        }
        return this;
    }

    /** Ors another bloom into this one (a block's bloom is the or of its receipts' blooms). */
    public LogsBloom or(byte[] other) {
        if (other.length != LENGTH) {
            throw new IllegalArgumentException("a logs bloom has 256 bytes, got " + other.length);
        }
        for (int i = 0; i < LENGTH; i++) {
            bits[i] |= other[i];
        }
        return this;
    }

    public byte[] toBytes() {
        return bits.clone();
    }

    /** M3:2048(x): bit b of the big-endian 2048-bit value, for b = low 11 bits of hash bytes (0,1), (2,3), (4,5). */
    private void add(byte[] value) {
        byte[] hash = Hashes.keccak256(value);
        for (int i = 0; i < 6; i += 2) {
            int bit = ((hash[i] & 0x07) << 8) | (hash[i + 1] & 0xff);
            bits[LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }
}
