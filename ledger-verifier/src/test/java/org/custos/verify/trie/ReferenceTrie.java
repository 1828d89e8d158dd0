package org.custos.verify.trie;

import java.util.ArrayList;
import java.util.List;
import org.custos.verify.Hashes;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * A slow transcription of the Yellow Paper Appendix D definition (TRIE, n, c) over unsorted sets of
 * (nibble key, value) pairs, building RLP item trees; test scope only, to cross-check {@link PatriciaTrie}.
 */
final class ReferenceTrie {

    record Pair(int[] key, byte[] value) {
    }

    private ReferenceTrie() {
    }

    /** TRIE(J) = KEC(RLP(c(J, 0))); KEC(RLP("")) for the empty set. */
    static byte[] root(List<TrieEntry> entries) {
        List<Pair> j = new ArrayList<>();
        for (TrieEntry e : entries) {
            byte[] key = e.key();
            int[] nibbles = new int[key.length * 2];
            for (int i = 0; i < key.length; i++) {
                nibbles[2 * i] = (key[i] & 0xff) / 16;
                nibbles[2 * i + 1] = (key[i] & 0xff) % 16;
            }
            j.add(new Pair(nibbles, e.value()));
        }
        return Hashes.keccak256(Rlp.encode(j.isEmpty() ? RlpString.empty() : c(j, 0)));
    }

    /** n(J, i): empty for no entries; c(J, i) if its RLP is under 32 bytes; else KEC(RLP(c(J, i))). */
    private static RlpItem n(List<Pair> j, int i) {
        if (j.isEmpty()) {
            return RlpString.empty();
        }
        RlpItem c = c(j, i);
        byte[] encoded = Rlp.encode(c);
        return encoded.length < 32 ? c : RlpString.of(Hashes.keccak256(encoded));
    }

    static RlpItem c(List<Pair> j, int i) {
        if (j.size() == 1) {
            Pair only = j.get(0);
            return RlpList.of(RlpString.of(hp(only.key(), i, only.key().length, true)), RlpString.of(only.value()));
        }
        int k = i;
        while (allShareNibble(j, k)) {
            k++;
        }
        if (k != i) {
            int[] any = j.get(0).key();
            return RlpList.of(RlpString.of(hp(any, i, k, false)), n(j, k));
        }
        List<RlpItem> branch = new ArrayList<>();
        for (int nibble = 0; nibble < 16; nibble++) {
            List<Pair> sub = new ArrayList<>();
            for (Pair p : j) {
                if (p.key().length > i && p.key()[i] == nibble) {
                    sub.add(p);
                }
            }
            branch.add(n(sub, i + 1));
        }
        RlpItem v = RlpString.empty();
        for (Pair p : j) {
            if (p.key().length == i) {
                v = RlpString.of(p.value());
            }
        }
        branch.add(v);
        return new RlpList(branch);
    }

    private static boolean allShareNibble(List<Pair> j, int k) {
        for (Pair p : j) {
            if (p.key().length <= k || p.key()[k] != j.get(0).key()[k]) {
                return false;
            }
        }
        return true;
    }

    /** HP(x, t) written out from Appendix C on int nibbles. */
    private static byte[] hp(int[] x, int from, int to, boolean t) {
        int len = to - from;
        int f = t ? 2 : 0;
        List<Integer> bytes = new ArrayList<>();
        int i = from;
        if (len % 2 == 0) {
            bytes.add(16 * f);
        } else {
            bytes.add(16 * (f + 1) + x[i++]);
        }
        while (i < to) {
            bytes.add(16 * x[i] + x[i + 1]);
            i += 2;
        }
        byte[] out = new byte[bytes.size()];
        for (int b = 0; b < out.length; b++) {
            out[b] = (byte) (int) bytes.get(b);
        }
        return out;
    }
}
