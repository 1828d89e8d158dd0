package org.custos.verify.consensus;

import java.util.Optional;
import org.custos.verify.Bytes;

/**
 * secp256k1 public-key recovery (SEC 1 v2 §4.1.6) from a 65-byte Ethereum signature {@code r ‖ s ‖ v} over a
 * 32-byte hash. Every implementation accepts exactly what {@link Secp256k1Recovery} accepts ({@code 1 <= r, s < n},
 * high s allowed, {@code v} in {0, 1, 27, 28}) and returns empty, never throws, for an unrecoverable signature.
 *
 * <p>{@link #preferred()} is the native libsecp256k1 ({@link NativeEcRecover}) when its library loads on this
 * platform, else the pure-Java {@link #pureJava()}. Both give the same answers (a test cross-checks them); the
 * choice only changes speed.
 */
public interface EcRecover {

    /**
     * The recovered public key as 64 bytes {@code x ‖ y}, or empty when the signature is not recoverable.
     *
     * @throws IllegalArgumentException if {@code hash32} is not 32 bytes (a caller bug, not a seal property)
     */
    Optional<byte[]> recoverPublicKey(byte[] hash32, byte[] signature);

    /** A short name for reports and benchmarks, e.g. {@code "native-libsecp256k1"}. */
    String name();

    /** The address whose key signed {@code hash32} (last 20 bytes of KEC(x ‖ y)), or empty. */
    default Optional<Bytes> recoverAddress(byte[] hash32, byte[] signature) {
        return recoverPublicKey(hash32, signature).map(Secp256k1Recovery::address);
    }

    /** The pure-Java recovery on BouncyCastle ({@link Secp256k1Recovery}); always available. */
    static EcRecover pureJava() {
        return JavaEcRecover.INSTANCE;
    }

    /** Native libsecp256k1 if it loaded on this platform, else {@link #pureJava()}; chosen once per JVM. */
    static EcRecover preferred() {
        return NativeEcRecover.load().orElse(JavaEcRecover.INSTANCE);
    }
}
