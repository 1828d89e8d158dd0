package org.custos.verify.consensus;

import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;
import java.util.Optional;
import org.custos.verify.Hex;

/**
 * {@link EcRecover} on the native libsecp256k1 ({@code secp256k1_ecdsa_recover}) through ACINQ's
 * {@code secp256k1-kmp} JNI binding.
 *
 * <p>The acceptance checks (length, {@code 1 <= r, s < n}, {@code v}) are ours and the same as the pure-Java
 * ones ({@link Secp256k1Recovery#recoveryId}); the library only does the arithmetic. It reports an r that is no
 * curve x coordinate, or Q at infinity, by throwing {@code Secp256k1Exception}: that becomes an empty result.
 *
 * <p>The binding extracts its shared library from its jar when first used; where that fails (no build for this
 * OS/CPU, no writable temporary directory) {@link #load()} is empty and callers fall back to pure Java.
 */
public final class NativeEcRecover implements EcRecover {

    /** x coordinate of the secp256k1 generator G (SEC 2 §2.4.1). */
    private static final byte[] GENERATOR_X =
            Hex.decode("0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    private static final Optional<EcRecover> LOADED = tryLoad();

    private final Secp256k1 secp256k1;

    private NativeEcRecover(Secp256k1 secp256k1) {
        this.secp256k1 = secp256k1;
    }

    /** The native implementation, or empty if its library could not be loaded (tried once per JVM). */
    public static Optional<EcRecover> load() {
        return LOADED;
    }

    private static Optional<EcRecover> tryLoad() {
        try {
            NativeEcRecover candidate = new NativeEcRecover(Secp256k1.get());
            candidate.selfTest();
            return Optional.of(candidate);
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Recovers one fixed signature (r = x(G), s = 1, even y, e = 2: Q = -r^-1 G) with both implementations, so a
     * library that loads but misbehaves is never used.
     */
    private void selfTest() {
        byte[] hash = new byte[32];
        hash[31] = 2;
        byte[] signature = new byte[65];
        System.arraycopy(GENERATOR_X, 0, signature, 0, 32);
        signature[63] = 1;
        Optional<byte[]> nativeKey = recoverPublicKey(hash, signature);
        Optional<byte[]> javaKey = Secp256k1Recovery.recoverPublicKey(hash, signature);
        if (nativeKey.isEmpty() || javaKey.isEmpty() || !Arrays.equals(nativeKey.get(), javaKey.get())) {
            throw new IllegalStateException("native secp256k1 disagrees with the pure-Java recovery");
        }
    }

    @Override
    public Optional<byte[]> recoverPublicKey(byte[] hash32, byte[] signature) {
        int recoveryId = Secp256k1Recovery.recoveryId(hash32, signature);
        if (recoveryId < 0) {
            return Optional.empty();
        }
        byte[] uncompressed;
        try {
            uncompressed = secp256k1.ecdsaRecover(Arrays.copyOf(signature, 64), hash32, recoveryId);
        } catch (Secp256k1Exception e) {
            return Optional.empty();
        }
        if (uncompressed.length != 65 || uncompressed[0] != 0x04) {
            throw new IllegalStateException("unexpected public key encoding from libsecp256k1");
        }
        return Optional.of(Arrays.copyOfRange(uncompressed, 1, 65));
    }

    @Override
    public String name() {
        return "native-libsecp256k1";
    }
}
