package org.custos.verify.trie;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import org.custos.verify.Hashes;
import org.custos.verify.rlp.Rlp;

/**
 * The root hash of a Merkle Patricia trie built in memory from a complete set of entries (Yellow Paper
 * Appendix D, equations for TRIE, n and c).
 *
 * <p>Entries are sorted by key; each node is built over a contiguous range of keys sharing a prefix, so the
 * work is proportional to the total key length. A node whose RLP is shorter than 32 bytes is inlined in its
 * parent, otherwise referenced by its Keccak-256 hash; the root is always hashed.
 */
public final class PatriciaTrie {

    private static final byte[] EMPTY_STRING = Rlp.encodeBytes(new byte[0]);

    /** TRIE({}) = KEC(RLP("")) = 0x56e8...b421. */
    public static final byte[] EMPTY_ROOT = Hashes.keccak256(EMPTY_STRING);

    private final byte[][] keys;
    private final byte[][] values;

    private PatriciaTrie(byte[][] keys, byte[][] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * TRIE(J) for the given entries (Yellow Paper Appendix D). Precondition: keys are distinct (else
     * {@link IllegalArgumentException}); values are non-empty (enforced by {@link TrieEntry}).
     */
    public static byte[] rootHash(Collection<TrieEntry> entries) {
        if (entries.isEmpty()) {
            return EMPTY_ROOT.clone();
        }
        TrieEntry[] sorted = entries.toArray(new TrieEntry[0]);
        Arrays.sort(sorted, Comparator.comparing(TrieEntry::key, Arrays::compareUnsigned));
        byte[][] keys = new byte[sorted.length][];
        byte[][] values = new byte[sorted.length][];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = HexPrefix.nibbles(sorted[i].key());
            values[i] = sorted[i].value();
            if (i > 0 && Arrays.equals(keys[i], keys[i - 1])) {
                throw new IllegalArgumentException("duplicate trie key");
            }
        }
        return Hashes.keccak256(new PatriciaTrie(keys, values).node(0, keys.length, 0));
    }

    /** RLP of c(J, depth) for the keys in [from, to), all sharing their first {@code depth} nibbles. */
    private byte[] node(int from, int to, int depth) {
        if (to - from == 1) {
            return Rlp.encodeList(Rlp.encodeBytes(HexPrefix.encode(keys[from], depth, keys[from].length, true)),
                    Rlp.encodeBytes(values[from]));
        }
        int shared = sharedPrefixEnd(from, to, depth);
        if (shared > depth) {
            return Rlp.encodeList(Rlp.encodeBytes(HexPrefix.encode(keys[from], depth, shared, false)),
                    reference(node(from, to, shared)));
        }
        return branch(from, to, depth);
    }

    private byte[] branch(int from, int to, int depth) {
        byte[][] items = new byte[17][];
        Arrays.fill(items, EMPTY_STRING);
        int i = from;
        if (keys[i].length == depth) {
            items[16] = Rlp.encodeBytes(values[i]);
            i++;
        }
        while (i < to) {
            int nibble = keys[i][depth];
            int end = i;
            while (end < to && keys[end][depth] == nibble) {
                end++;
            }
            items[nibble] = reference(node(i, end, depth + 1));
            i = end;
        }
        return Rlp.encodeList(items);
    }

    /** The first nibble index at which the sorted keys in [from, to) differ (first and last suffice). */
    private int sharedPrefixEnd(int from, int to, int depth) {
        byte[] first = keys[from];
        byte[] last = keys[to - 1];
        int end = depth;
        while (end < first.length && end < last.length && first[end] == last[end]) {
            end++;
        }
        return end;
    }

    /** n(J, i): the node itself if its RLP is under 32 bytes, else the RLP of its hash. */
    private static byte[] reference(byte[] encodedNode) {
        return encodedNode.length < 32 ? encodedNode : Rlp.encodeBytes(Hashes.keccak256(encodedNode));
    }
}
