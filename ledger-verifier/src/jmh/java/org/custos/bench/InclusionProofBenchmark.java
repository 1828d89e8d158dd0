package org.custos.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.custos.verify.VerificationResult;
import org.custos.verify.merkle.InclusionProofVerifier;
import org.custos.verify.merkle.MerkleTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (d) RFC 9162 inclusion proofs (§2.1.3.2) in a tree of 1,000,000 leaves: {@link
 * InclusionProofVerifier#verifyInclusion} of precomputed proofs (20 hashes each, or 19 for a few) for 4,096
 * random leaves. One op = one proof verified.
 *
 * <p>The proofs are generated here from the full tree kept level by level (an odd last node is carried up, which
 * gives the tree of RFC 9162 §2.1.1); the root is compared with {@link MerkleTree#rootHash} and every proof is
 * verified once in setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class InclusionProofBenchmark {

    private static final int SIZE = 1_000_000;
    private static final int PROOFS = 4096;

    private byte[] root;
    private long[] indices;
    private byte[][] leafHashes;
    private List<List<byte[]>> proofs;

    @Setup(Level.Trial)
    public void setUp() {
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = new byte[SIZE][];
        for (int i = 0; i < SIZE; i++) {
            level[i] = MerkleTree.leafHash(ByteBuffer.allocate(12).putInt(0x63757374).putLong(i).array());
        }
        List<byte[]> leaves = Arrays.asList(level.clone());
        while (level.length > 1) {
            levels.add(level);
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? MerkleTree.nodeHash(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            level = up;
        }
        root = level[0];
        if (!Arrays.equals(root, MerkleTree.rootHash(leaves))) {
            throw new IllegalStateException("level-wise root differs from MerkleTree.rootHash");
        }
        SplittableRandom random = new SplittableRandom(9162);
        indices = new long[PROOFS];
        leafHashes = new byte[PROOFS][];
        proofs = new ArrayList<>(PROOFS);
        for (int p = 0; p < PROOFS; p++) {
            int index = p == 0 ? SIZE - 1 : random.nextInt(SIZE);
            indices[p] = index;
            leafHashes[p] = levels.get(0)[index];
            proofs.add(proof(levels, index));
            Fixtures.requireVerified(InclusionProofVerifier.verifyInclusion(index, SIZE, leafHashes[p], proofs.get(p),
                    root), "proof of leaf " + index);
        }
    }

    private static List<byte[]> proof(List<byte[][]> levels, int index) {
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (byte[][] level : levels) {
            int sibling = i ^ 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            i >>= 1;
        }
        return List.copyOf(path);
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public VerificationResult verifyInclusion(Cursor cursor) {
        int p = cursor.next;
        cursor.next = p + 1 == PROOFS ? 0 : p + 1;
        return InclusionProofVerifier.verifyInclusion(indices[p], SIZE, leafHashes[p], proofs.get(p), root);
    }
}
