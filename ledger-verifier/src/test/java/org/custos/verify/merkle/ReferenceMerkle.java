package org.custos.verify.merkle;

import java.util.ArrayList;
import java.util.List;
import org.custos.verify.Hashes;

/**
 * A slow, obviously correct transcription of RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH) and §2.1.4.1 (PROOF /
 * SUBPROOF) on copied sublists, kept in test scope to cross-check {@link MerkleTree} and the verifiers.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    /** MTH(D[n]) over entries (not leaf hashes). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return Hashes.sha256();
        }
        if (n == 1) {
            return Hashes.sha256(new byte[] {0}, d.get(0));
        }
        int k = k(n);
        return Hashes.sha256(new byte[] {1}, mth(slice(d, 0, k)), mth(slice(d, k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, slice(d, 0, k)));
            out.add(mth(slice(d, k, n)));
        } else {
            out.addAll(path(m - k, slice(d, k, n)));
            out.add(mth(slice(d, 0, k)));
        }
        return out;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, slice(d, 0, k), b));
            out.add(mth(slice(d, k, n)));
        } else {
            out.addAll(subproof(m - k, slice(d, k, n), false));
            out.add(mth(slice(d, 0, k)));
        }
        return out;
    }

    /** The largest power of two smaller than n, by counting up. */
    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static List<byte[]> slice(List<byte[]> d, int from, int to) {
        return new ArrayList<>(d.subList(from, to));
    }
}
