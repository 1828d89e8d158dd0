package org.custos.verify.trie;

import org.custos.verify.Hex;

/** One key/value pair of a trie. The value must not be empty: an empty value means "absent" in a trie. */
public record TrieEntry(byte[] key, byte[] value) {

    public TrieEntry {
        if (value.length == 0) {
            throw new IllegalArgumentException("empty trie value for key " + Hex.encodePrefixed(key));
        }
        key = Hex.copy(key);
        value = Hex.copy(value);
    }

    @Override
    public byte[] key() {
        return Hex.copy(key);
    }

    @Override
    public byte[] value() {
        return Hex.copy(value);
    }
}
