package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.List;
import org.custos.verify.Bytes;

/**
 * A claimed event after it was proven against verified receipts, read from the verified log: its position in the
 * transcript's {@code events}, its block and block-wide log index, emitting contract, topics and data.
 */
record ProvenEvent(int index, BigInteger block, int logIndex, Bytes address, List<Bytes> topics, Bytes data) {

    ProvenEvent {
        topics = List.copyOf(topics);
    }

    /** The number of 32-byte data words. */
    int words() {
        return data.length() / 32;
    }

    /** Data word {@code k} (precondition: {@code k < words()}). */
    Bytes word(int k) {
        byte[] all = data.toArray();
        return Bytes.of(java.util.Arrays.copyOfRange(all, k * 32, k * 32 + 32));
    }

    Bytes topic0() {
        return topics.isEmpty() ? Bytes.empty() : topics.get(0);
    }

    /** True when this event comes before {@code other} in chain order (block, then log index). */
    boolean before(ProvenEvent other) {
        int byBlock = block.compareTo(other.block);
        return byBlock < 0 || byBlock == 0 && logIndex < other.logIndex;
    }

    /** "event 2 (KeyDestroyed, block 218, contract 0x…)". */
    String describe() {
        return "event " + index + " (" + CustosEvents.name(topic0()) + ", block " + block + ", contract "
                + address.toHex() + ")";
    }
}
