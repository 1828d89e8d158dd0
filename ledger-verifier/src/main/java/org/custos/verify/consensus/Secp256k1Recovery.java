package org.custos.verify.consensus;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;

/**
 * Public-key recovery on secp256k1 (SEC 1 v2 §4.1.6) from a 65-byte Ethereum signature {@code r ‖ s ‖ v}
 * over a 32-byte hash, and the Ethereum address of the recovered key (last 20 bytes of KEC(x ‖ y)).
 *
 * <p>Accepted: {@code 1 <= r < n}, {@code 1 <= s < n} (any s, high or low: Besu's BFT commit-seal check and
 * Clique do not require low s), {@code v} in {0, 1, 27, 28} (recovery id {@code v mod 27}). Since v carries only
 * the parity bit, the x coordinate of R is r itself (the rare r + n case of §4.1.6 step 1.1 with j = 1 is not
 * expressible, as in Ethereum). Anything else is not recoverable and gives an empty result, never an exception:
 * an unrecoverable seal is a failed proof, not malformed input.
 *
 * <p>This is the pure-Java implementation (BouncyCastle EC arithmetic); verifiers use {@link EcRecover#preferred()},
 * which is the native libsecp256k1 when it loads and this class otherwise.
 */
public final class Secp256k1Recovery {

    /** Length of an Ethereum signature {@code r(32) ‖ s(32) ‖ v(1)}. */
    public static final int SIGNATURE_LENGTH = 65;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();

    private Secp256k1Recovery() {
    }

    /**
     * The address whose key signed {@code hash32}, or empty when the signature is not recoverable (wrong length,
     * r or s outside [1, n-1], bad v, r not the x coordinate of a curve point, or the recovered key is the point
     * at infinity).
     *
     * @throws IllegalArgumentException if {@code hash32} is not 32 bytes (a caller bug, not a seal property)
     */
    public static Optional<Bytes> recoverAddress(byte[] hash32, byte[] signature) {
        return recoverPublicKey(hash32, signature).map(Secp256k1Recovery::address);
    }

    /** The recovered public key as 64 bytes {@code x ‖ y}, or empty (see {@link #recoverAddress}). */
    public static Optional<byte[]> recoverPublicKey(byte[] hash32, byte[] signature) {
        int recoveryId = recoveryId(hash32, signature);
        if (recoveryId < 0) {
            return Optional.empty();
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        Optional<ECPoint> bigR = decompress(r, recoveryId);
        if (bigR.isEmpty()) {
            return Optional.empty();
        }
        BigInteger e = new BigInteger(1, hash32);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = e.negate().multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        // Q = r^-1 (s R - e G), SEC 1 §4.1.6 step 1.6.1
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR.get(), u2).normalize();
        if (q.isInfinity()) {
            return Optional.empty();
        }
        byte[] encoded = q.getEncoded(false);
        return Optional.of(Arrays.copyOfRange(encoded, 1, 65));
    }

    /** Ethereum address of a 64-byte public key {@code x ‖ y}: the last 20 bytes of KEC(x ‖ y). */
    public static Bytes address(byte[] publicKey64) {
        if (publicKey64.length != 64) {
            throw new IllegalArgumentException("public key must be 64 bytes, got " + publicKey64.length);
        }
        byte[] hash = Hashes.keccak256(publicKey64);
        return Bytes.of(Arrays.copyOfRange(hash, 12, 32));
    }

    /**
     * The acceptance rule shared by every {@link EcRecover}: the recovery id (y parity of R, {@code v mod 27}) if
     * the signature is 65 bytes, {@code 1 <= r, s < n} and {@code v} is in {0, 1, 27, 28}; otherwise -1.
     *
     * @throws IllegalArgumentException if {@code hash32} is not 32 bytes
     */
    static int recoveryId(byte[] hash32, byte[] signature) {
        if (hash32.length != Hashes.DIGEST_LENGTH) {
            throw new IllegalArgumentException("hash must be 32 bytes, got " + hash32.length);
        }
        if (signature.length != SIGNATURE_LENGTH) {
            return -1;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int v = signature[64] & 0xff;
        if (!inRange(r) || !inRange(s) || !(v == 0 || v == 1 || v == 27 || v == 28)) {
            return -1;
        }
        return (v % 27) & 1;
    }

    private static boolean inRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(N) < 0;
    }

    /** SEC 1 §2.3.4: the point with x coordinate {@code x} and the given y parity, if on the curve. */
    private static Optional<ECPoint> decompress(BigInteger x, int yParity) {
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | yParity);
        byte[] xBytes = x.toByteArray();
        int copy = Math.min(xBytes.length, 32);
        System.arraycopy(xBytes, xBytes.length - copy, compressed, 33 - copy, copy);
        try {
            ECPoint point = CURVE.getCurve().decodePoint(compressed);
            return point.isValid() ? Optional.of(point) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
