package org.custos.verify.trie;

import java.util.ArrayList;
import java.util.List;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpString;

/**
 * The trie of a block's transactions, receipts or withdrawals (Yellow Paper §4.3, eq. 32-34; EIP-4895 for
 * withdrawals): the i-th value is stored under the key RLP(i).
 */
public final class OrderedIndexTrie {

    private OrderedIndexTrie() {
    }

    /**
     * The root over {@code encodedValues} in order. Each value is the item's canonical encoding (for typed
     * transactions and receipts EIP-2718 {@code type || payload}). Precondition: no value is empty.
     */
    public static byte[] rootHash(List<byte[]> encodedValues) {
        List<TrieEntry> entries = new ArrayList<>(encodedValues.size());
        for (int i = 0; i < encodedValues.size(); i++) {
            entries.add(new TrieEntry(Rlp.encode(RlpString.ofScalar(i)), encodedValues.get(i)));
        }
        return PatriciaTrie.rootHash(entries);
    }
}
