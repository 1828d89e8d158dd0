package org.custos.verify.merkle;

import org.custos.verify.Hex;

/** The two roots recomputed from a consistency proof (RFC 9162 §2.1.4.2, fr and sr). */
public record ConsistencyRoots(byte[] first, byte[] second) {

    public ConsistencyRoots {
        first = Hex.copy(first);
        second = Hex.copy(second);
    }

    @Override
    public byte[] first() {
        return Hex.copy(first);
    }

    @Override
    public byte[] second() {
        return Hex.copy(second);
    }
}
