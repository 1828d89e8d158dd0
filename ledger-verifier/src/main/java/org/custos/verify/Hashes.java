package org.custos.verify;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The two hash functions the verifiers need.
 *
 * <ul>
 *   <li>Keccak-256 as used by Ethereum (Yellow Paper, "KEC"): the original Keccak padding, <em>not</em> the
 *       FIPS 202 SHA3-256 padding. Implemented by BouncyCastle's {@link KeccakDigest}.</li>
 *   <li>SHA-256 (FIPS 180-4), the hash of RFC 9162 Merkle trees.</li>
 * </ul>
 */
public final class Hashes {

    /** Length in bytes of both digests. */
    public static final int DIGEST_LENGTH = 32;

    private Hashes() {
    }

    /** Keccak-256 of the concatenation of {@code parts}. */
    public static byte[] keccak256(byte[]... parts) {
        KeccakDigest digest = new KeccakDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** SHA-256 of the concatenation of {@code parts}. */
    public static byte[] sha256(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }
}
