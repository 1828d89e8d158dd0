package org.custos.portal.evidence.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Hashes;
import org.custos.verify.merkle.MerkleTree;

/**
 * The RFC 9162 leaf hashes of a bundle's access log, 32 bytes per entry in a temporary file (not on the heap), and
 * the Merkle tree over them: subtree hashes (complete aligned subtrees of 1,024 leaves and more are kept once
 * computed, a few thousand hashes for a million leaves), roots of prefixes, inclusion paths (RFC 9162
 * §2.1.3.1) and consistency proofs (§2.1.4.1). Heap use is independent of the number of entries except for the
 * presence bit set (one bit per entry).
 */
public final class LeafStore implements AutoCloseable {

    private static final int CACHE_FROM = 1024;
    private static final int RUN = 2048;

    private final Path file;
    private final FileChannel channel;
    private final Path shaFile;
    private final FileChannel shaChannel;
    private final Path entryFile;
    private final FileChannel entryChannel;
    private final java.util.concurrent.atomic.AtomicLong entryEnd = new java.util.concurrent.atomic.AtomicLong();
    /** Per entry index: its offset in {@code entryFile} (high 40 bits) and length (low 24 bits); 0: not kept. */
    private long[] entryAt = new long[1024];
    private final BitSet present = new BitSet();
    private final Map<Long, byte[]> subtrees = new HashMap<>();
    private final ByteBuffer run = ByteBuffer.allocate(RUN * 32);
    private long runStart = -1;
    private long size;

    public LeafStore() {
        try {
            file = Files.createTempFile("custos-leaves", ".bin");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            shaFile = Files.createTempFile("custos-entry-sha", ".bin");
            shaChannel = FileChannel.open(shaFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            entryFile = Files.createTempFile("custos-entries", ".bin");
            entryChannel = FileChannel.open(entryFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary leaf file", e);
        }
    }

    /**
     * Stores the leaf hash SHA-256(0x00 ‖ entry) of entry {@code index}, the entry's own SHA-256 (for the
     * manifest check) and the entry's bytes (in a temporary file, so that a finding can cite the exact entry and
     * a report embed it with its inclusion proof); returns the leaf hash.
     */
    public byte[] addEntry(int index, byte[] entry) {
        byte[] leaf = MerkleTree.leafHash(entry);
        addLeaf(index, leaf);
        keepEntry(index, entry);
        try {
            ByteBuffer sha = ByteBuffer.wrap(Hashes.sha256(entry));
            long at = index * 32L;
            while (sha.hasRemaining()) {
                at += shaChannel.write(sha, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return leaf;
    }

    private void keepEntry(int index, byte[] entry) {
        if (entry.length == 0 || entry.length >= 1 << 24) {
            return;
        }
        long at = entryEnd.getAndAdd(entry.length);
        try {
            ByteBuffer bytes = ByteBuffer.wrap(entry);
            long position = at;
            while (bytes.hasRemaining()) {
                position += entryChannel.write(bytes, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            if (index >= entryAt.length) {
                entryAt = java.util.Arrays.copyOf(entryAt, Math.max(index + 1, entryAt.length * 2));
            }
            entryAt[index] = at << 24 | entry.length;
        }
    }

    /** The exact bytes of entry {@code index} as added by {@link #addEntry}, or null when it was not kept. */
    public byte[] entry(long index) {
        long packed;
        synchronized (this) {
            packed = index >= 0 && index < entryAt.length ? entryAt[(int) index] : 0;
        }
        if (packed == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) (packed & 0xFFFFFF));
        try {
            long at = packed >>> 24;
            while (buffer.hasRemaining()) {
                int r = entryChannel.read(buffer, at);
                if (r < 0) {
                    return null;
                }
                at += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.array();
    }

    /** SHA-256 of the stored entry {@code index} (as added by {@link #addEntry}). */
    public byte[] entrySha256(long index) {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        try {
            long at = index * 32;
            while (buffer.hasRemaining()) {
                int r = shaChannel.read(buffer, at);
                if (r < 0) {
                    throw new IllegalStateException("no entry " + index);
                }
                at += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.array();
    }

    /** Stores a leaf hash; an index stored twice is a caller error. */
    public void addLeaf(int index, byte[] leaf) {
        if (leaf.length != Hashes.DIGEST_LENGTH || index < 0 || present.get(index)) {
            throw new IllegalArgumentException("leaf " + index + " stored twice or malformed");
        }
        if (runStart < 0 || index != runStart + run.position() / 32 || !run.hasRemaining()) {
            flush();
            runStart = index;
        }
        run.put(leaf);
        present.set(index);
        size = Math.max(size, index + 1L);
        subtrees.clear();
    }

    private void flush() {
        if (runStart >= 0 && run.position() > 0) {
            run.flip();
            try {
                long at = runStart * 32;
                while (run.hasRemaining()) {
                    at += channel.write(run, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run.clear();
        }
        runStart = -1;
    }

    /** One more than the highest stored index. */
    public long size() {
        return size;
    }

    /** Number of leading entries present without a gap: 0..contiguous()-1 are all stored. */
    public long contiguous() {
        return present.nextClearBit(0);
    }

    public boolean has(long index) {
        return index < Integer.MAX_VALUE && present.get((int) index);
    }

    public byte[] leaf(long index) {
        return read(index, 1)[0];
    }

    /** RFC 9162 root of the first {@code n} leaves (n ≤ contiguous()). */
    public byte[] root(long n) {
        if (n == 0) {
            return MerkleTree.emptyRoot();
        }
        requireStored(n);
        return mth(0, n);
    }

    /** RFC 9162 §2.1.3.1 inclusion path of leaf {@code m} in the tree of the first {@code n} leaves. */
    public List<byte[]> inclusionPath(long m, long n) {
        requireStored(n);
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " outside a tree of " + n);
        }
        List<byte[]> out = new ArrayList<>();
        path(m, 0, n, out);
        return out;
    }

    /** RFC 9162 §2.1.4.1 consistency proof from the first {@code m} leaves to the first {@code n}, 0 < m ≤ n. */
    public List<byte[]> consistencyProof(long m, long n) {
        requireStored(n);
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> out = new ArrayList<>();
        subproof(m, 0, n, true, out);
        return out;
    }

    private void requireStored(long n) {
        flush();
        if (n > contiguous()) {
            throw new IllegalArgumentException("only " + contiguous() + " leading leaves stored, " + n + " needed");
        }
    }

    private void path(long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, k, out);
            out.add(mth(start + k, start + n));
        } else {
            path(m - k, start + k, n - k, out);
            out.add(mth(start, start + k));
        }
    }

    private void subproof(long m, long start, long n, boolean whole, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(mth(start, start + n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, k, whole, out);
            out.add(mth(start + k, start + n));
        } else {
            subproof(m - k, start + k, n - k, false, out);
            out.add(mth(start, start + k));
        }
    }

    /** MTH(D[from:to]). */
    private byte[] mth(long from, long to) {
        long n = to - from;
        if (n == 1) {
            return leaf(from);
        }
        boolean aligned = Long.bitCount(n) == 1 && from % n == 0;
        if (aligned && n <= CACHE_FROM) {
            return hashLeaves(read(from, (int) n));
        }
        Long key = aligned ? (from << 1 | 1) ^ (n << 40) : null;
        if (key != null) {
            byte[] cached = subtrees.get(key);
            if (cached != null) {
                return cached;
            }
        }
        long k = Long.highestOneBit(n - 1);
        byte[] h = MerkleTree.nodeHash(mth(from, from + k), mth(from + k, to));
        if (key != null) {
            subtrees.put(key, h);
        }
        return h;
    }

    private static byte[] hashLeaves(byte[][] leaves) {
        int n = leaves.length;
        byte[][] level = leaves;
        while (n > 1) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = MerkleTree.nodeHash(level[2 * i], level[2 * i + 1]);
            }
            n /= 2;
        }
        return level[0];
    }

    private byte[][] read(long from, int count) {
        flush();
        ByteBuffer buffer = ByteBuffer.allocate(count * 32);
        try {
            long at = from * 32;
            while (buffer.hasRemaining()) {
                int r = channel.read(buffer, at);
                if (r < 0) {
                    throw new IllegalStateException("leaf file shorter than " + (from + count) + " leaves");
                }
                at += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = buffer.array();
        byte[][] out = new byte[count][32];
        for (int i = 0; i < count; i++) {
            System.arraycopy(all, i * 32, out[i], 0, 32);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
            shaChannel.close();
            entryChannel.close();
            Files.deleteIfExists(file);
            Files.deleteIfExists(shaFile);
            Files.deleteIfExists(entryFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
