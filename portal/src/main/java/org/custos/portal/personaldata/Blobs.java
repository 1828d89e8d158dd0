package org.custos.portal.personaldata;

import java.util.ArrayList;
import java.util.List;

/**
 * GDPR-MIN-03's ciphertext-like blobs in a payload ({@link PayloadScanner}): more than {@value #MIN_BLOB} bytes whose
 * empirical entropy is at least {@value #MIN_ENTROPY_RATIO} of the most their length allows (min(8, log2 n) bits per
 * byte), taken from the ABI {@code bytes} values of an ABI-shaped payload or from the stretches without
 * {@value #ZERO_RUN} zero bytes of any other; hashes, signatures and text excluded (see {@link PayloadScanner}).
 * Linear in the payload, no copy of it.
 */
final class Blobs {

    /** One blob: where, how long, how random. */
    record Blob(int start, int length, double bitsPerByte) {
    }

    static final int MIN_BLOB = 64;
    static final double MIN_ENTROPY_RATIO = 0.85;
    private static final int ZERO_RUN = 8;

    private Blobs() {
    }

    /** The blobs of {@code p}, at most {@code max}, in payload order. */
    static List<Blob> find(byte[] p, int max) {
        List<Blob> out = new ArrayList<>();
        // ABI-shaped: words after nothing (log data) or after a 4-byte selector (input, and a log repeating one)
        int base = p.length % 32;
        if (base == 0 || base == 4) {
            for (int w = base; w + 32 <= p.length && out.size() < max; w += 32) {
                long length = smallWord(p, w);
                if (length > MIN_BLOB && w + 32 + length <= p.length) {
                    int start = w + 32;
                    int len = (int) length;
                    int padded = (len + 31) / 32 * 32;
                    if (start + padded <= p.length && zeros(p, start + len, start + padded)
                            && len % 32 != 0 && len % 65 != 0 && !hasZeroRun(p, start, start + len)) {
                        blob(p, start, len, out);
                        w = start + padded - 32;
                    }
                }
            }
            return out;
        }
        int i = 0;
        while (i < p.length && out.size() < max) {
            while (i < p.length && p[i] == 0) {
                i++;
            }
            int start = i;
            int zeros = 0;
            int lastNonZero = i - 1;
            while (i < p.length && zeros < ZERO_RUN) {
                if (p[i] == 0) {
                    zeros++;
                } else {
                    zeros = 0;
                    lastNonZero = i;
                }
                i++;
            }
            int len = lastNonZero + 1 - start;
            // a stretch may take a byte or two of its neighbours (a length word's last byte before a signature)
            if (len > MIN_BLOB && !nearMultiple(len, 32) && !nearMultiple(len, 65)) {
                blob(p, start, len, out);
            }
        }
        return out;
    }

    /** Within 3 bytes of a multiple of {@code unit}. */
    private static boolean nearMultiple(int len, int unit) {
        int rest = len % unit;
        return rest <= 3 || rest >= unit - 3;
    }

    private static void blob(byte[] p, int start, int len, List<Blob> out) {
        int printable = 0;
        for (int k = start; k < start + len; k++) {
            if (p[k] >= 0x20 && p[k] <= 0x7e) {
                printable++;
            }
        }
        if (printable >= 0.8 * len) {
            return;   // text (base64, hex, words): the cleartext checks read it, decoded
        }
        double bits = bitsPerByte(p, start, len);
        if (bits >= MIN_ENTROPY_RATIO * Math.min(8, Math.log(len) / Math.log(2))) {
            out.add(new Blob(start, len, bits));
        }
    }

    /** The word at {@code w} as a number if it is below 2^31, else -1. */
    static long smallWord(byte[] p, int w) {
        for (int k = w; k < w + 28; k++) {
            if (p[k] != 0) {
                return -1;
            }
        }
        long v = 0;
        for (int k = w + 28; k < w + 32; k++) {
            v = v << 8 | (p[k] & 0xff);
        }
        return v > Integer.MAX_VALUE ? -1 : v;
    }

    private static boolean zeros(byte[] p, int from, int to) {
        for (int k = from; k < to; k++) {
            if (p[k] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasZeroRun(byte[] p, int from, int to) {
        int run = 0;
        for (int k = from; k < to; k++) {
            run = p[k] == 0 ? run + 1 : 0;
            if (run >= ZERO_RUN) {
                return true;
            }
        }
        return false;
    }

    /** Empirical Shannon entropy of the byte values of {@code b[from, from + len)}, bits per byte (0..8). */
    static double bitsPerByte(byte[] b, int from, int len) {
        int[] counts = new int[256];
        for (int k = from; k < from + len; k++) {
            counts[b[k] & 0xff]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double q = (double) c / len;
                h -= q * Math.log(q) / Math.log(2);
            }
        }
        return h;
    }

}
