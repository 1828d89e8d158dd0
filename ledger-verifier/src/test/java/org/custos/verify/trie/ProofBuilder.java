package org.custos.verify.trie;

import java.util.ArrayList;
import java.util.List;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;

/**
 * Builds the EIP-1186 style node list for a key from a complete entry set, using the Appendix D transcription in
 * {@link ReferenceTrie} (test scope only): every node on the key's path that its parent references by hash
 * (the root always), in root-to-leaf order. Works for absent keys too (the path ends early).
 */
public final class ProofBuilder {

    private ProofBuilder() {
    }

    public static List<byte[]> proof(List<TrieEntry> entries, byte[] key) {
        List<ReferenceTrie.Pair> j = new ArrayList<>();
        for (TrieEntry e : entries) {
            j.add(new ReferenceTrie.Pair(toInts(HexPrefix.nibbles(e.key())), e.value()));
        }
        int[] path = toInts(HexPrefix.nibbles(key));
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        boolean root = true;
        while (!j.isEmpty()) {
            RlpItem node = ReferenceTrie.c(j, i);
            byte[] encoded = Rlp.encode(node);
            if (root || encoded.length >= 32) {
                out.add(encoded);
            }
            root = false;
            if (j.size() == 1) {
                break;
            }
            int k = i;
            while (shared(j, k)) {
                k++;
            }
            if (k != i) {
                for (int n = i; n < k; n++) {
                    if (n >= path.length || path[n] != j.get(0).key()[n]) {
                        return out;
                    }
                }
                i = k;
                continue;
            }
            List<ReferenceTrie.Pair> sub = new ArrayList<>();
            for (ReferenceTrie.Pair p : j) {
                if (p.key().length > i && i < path.length && p.key()[i] == path[i]) {
                    sub.add(p);
                }
            }
            j = sub;
            i++;
        }
        return out;
    }

    private static boolean shared(List<ReferenceTrie.Pair> j, int k) {
        for (ReferenceTrie.Pair p : j) {
            if (p.key().length <= k || p.key()[k] != j.get(0).key()[k]) {
                return false;
            }
        }
        return true;
    }

    private static int[] toInts(byte[] nibbles) {
        int[] out = new int[nibbles.length];
        for (int n = 0; n < nibbles.length; n++) {
            out[n] = nibbles[n];
        }
        return out;
    }
}
