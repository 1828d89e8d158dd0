package org.custos.verify.consensus;

import java.util.Optional;

/** {@link EcRecover} on the pure-Java {@link Secp256k1Recovery}. */
final class JavaEcRecover implements EcRecover {

    static final JavaEcRecover INSTANCE = new JavaEcRecover();

    private JavaEcRecover() {
    }

    @Override
    public Optional<byte[]> recoverPublicKey(byte[] hash32, byte[] signature) {
        return Secp256k1Recovery.recoverPublicKey(hash32, signature);
    }

    @Override
    public String name() {
        return "pure-java-bouncycastle";
    }
}
