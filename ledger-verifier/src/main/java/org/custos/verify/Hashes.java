package org.custos.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The two hash functions the verifiers need.
 *
 * <ul>
 *   <li>Keccak-256 as used by Ethereum (Yellow Paper, "KEC"): the original Keccak padding, <em>not</em> the
 *       FIPS 202 SHA3-256 padding. Implemented by BouncyCastle's {@link KeccakDigest}.</li>
 *   <li>SHA-256 (FIPS 180-4), the hash of RFC 9162 Merkle trees. Implemented by the JDK's {@code SHA-256}
 *       {@link MessageDigest} (every Java SE platform has it), for which HotSpot has an intrinsic using the
 *       CPU's SHA instructions where present (docs/performance.md). A test cross-checks it against
 *       BouncyCastle's {@code SHA256Digest}.</li>
 * </ul>
 */
public final class Hashes {

    /** Length in bytes of both digests. */
    public static final int DIGEST_LENGTH = 32;

    /** Cloned per call: MessageDigest instances are not thread-safe, and a clone skips the provider lookup. */
    private static final MessageDigest SHA256_PROTOTYPE = sha256Prototype();

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
        MessageDigest digest = newSha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Prototype();
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java SE platform provides SHA-256", e);
        }
    }
}
