package org.custos.verify.trie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.custos.verify.Hashes;

/**
 * The "secure" trie of the world state and account storage (Yellow Paper §4.1, eq. 8 and 9): every key is
 * replaced by its Keccak-256 hash before insertion.
 */
public final class SecureTrie {

    private SecureTrie() {
    }

    /** TRIE over (KEC(key), value). Precondition: distinct keys, non-empty values. */
    public static byte[] rootHash(Collection<TrieEntry> entries) {
        List<TrieEntry> hashed = new ArrayList<>(entries.size());
        for (TrieEntry entry : entries) {
            hashed.add(new TrieEntry(Hashes.keccak256(entry.key()), entry.value()));
        }
        return PatriciaTrie.rootHash(hashed);
    }
}
