package org.custos.verify.merkle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.custos.verify.Hashes;

/**
 * RFC 9162 §2.1.1 tree hashing, and proof generation (§2.1.3.1 inclusion, §2.1.4.1 consistency) over a list of
 * leaf hashes. Lists hold leaf hashes (already {@link #leafHash(byte[])}), not entries.
 */
public final class MerkleTree {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private MerkleTree() {
    }

    /** RFC 9162 §2.1.1: MTH({d0}) = SHA-256(0x00 || d0). */
    public static byte[] leafHash(byte[] entry) {
        return Hashes.sha256(LEAF_PREFIX, entry);
    }

    /** RFC 9162 §2.1.1: the interior node hash SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Hashes.sha256(NODE_PREFIX, left, right);
    }

    /** RFC 9162 §2.1.1: MTH({}) = SHA-256(), the root of the empty tree. */
    public static byte[] emptyRoot() {
        return Hashes.sha256();
    }

    /** RFC 9162 §2.1.1: the root hash MTH(D[n]) of the tree whose leaf hashes are given. */
    public static byte[] rootHash(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : rootOfRange(leafHashes, 0, leafHashes.size());
    }

    /**
     * RFC 9162 §2.1.3.1: the inclusion proof PATH(m, D[n]) for leaf {@code index}.
     * Precondition: {@code 0 <= index < leafHashes.size()}.
     */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf index " + index + " outside tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        int from = 0;
        int to = leafHashes.size();
        while (to - from > 1) {
            int k = largestPowerOfTwoBelow(to - from);
            if (index - from < k) {
                path.add(rootOfRange(leafHashes, from + k, to));
                to = from + k;
            } else {
                path.add(rootOfRange(leafHashes, from, from + k));
                from += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * RFC 9162 §2.1.4.1: the consistency proof PROOF(m, D[n]) between the first {@code size1} leaves and all
     * of them. Precondition: {@code 0 < size1 <= leafHashes.size()}; for equal sizes the proof is empty.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int size1) {
        if (size1 <= 0 || size1 > leafHashes.size()) {
            throw new IllegalArgumentException("size1 " + size1 + " outside 1.." + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        int m = size1;
        int from = 0;
        int to = leafHashes.size();
        boolean complete = true;
        while (m != to - from) {
            int k = largestPowerOfTwoBelow(to - from);
            if (m <= k) {
                proof.add(rootOfRange(leafHashes, from + k, to));
                to = from + k;
            } else {
                proof.add(rootOfRange(leafHashes, from, from + k));
                from += k;
                m -= k;
                complete = false;
            }
        }
        if (!complete) {
            proof.add(rootOfRange(leafHashes, from, to));
        }
        Collections.reverse(proof);
        return proof;
    }

    /** The largest power of two strictly below {@code n}; precondition {@code n > 1}. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** MTH of leaves [from, to), non-empty, in one left-to-right pass with a stack of perfect subtrees. */
    private static byte[] rootOfRange(List<byte[]> leafHashes, int from, int to) {
        Deque<byte[]> hashes = new ArrayDeque<>();
        Deque<Integer> sizes = new ArrayDeque<>();
        for (int i = from; i < to; i++) {
            byte[] hash = leafHashes.get(i);
            int size = 1;
            while (!sizes.isEmpty() && sizes.peek() == size) {
                hash = nodeHash(hashes.pop(), hash);
                size += sizes.pop();
            }
            hashes.push(hash);
            sizes.push(size);
        }
        byte[] root = hashes.pop();
        while (!hashes.isEmpty()) {
            root = nodeHash(hashes.pop(), root);
        }
        return root;
    }
}
