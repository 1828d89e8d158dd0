package org.custos.verify.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.consensus.Secp256k1Recovery;

/**
 * Known secp256k1 keys for tests and deterministic signing (RFC 6979 k, BouncyCastle {@code ECDSASigner}) into
 * the 65-byte Ethereum form {@code r ‖ s ‖ recId}. The address is derived here from d·G directly, not through
 * the code under test.
 */
public final class TestKeys {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private TestKeys() {
    }

    /** A fixed private key per index: KEC("custos-test-key-" + i) mod n. */
    public static BigInteger key(int index) {
        byte[] seed = Hashes.keccak256(("custos-test-key-" + index).getBytes(StandardCharsets.US_ASCII));
        return new BigInteger(1, seed).mod(CURVE.getN());
    }

    /** The Ethereum address of a private key: last 20 bytes of KEC(x ‖ y) of d·G. */
    public static Bytes address(BigInteger privateKey) {
        byte[] encoded = CURVE.getG().multiply(privateKey).normalize().getEncoded(false);
        byte[] hash = Hashes.keccak256(Arrays.copyOfRange(encoded, 1, 65));
        return Bytes.of(Arrays.copyOfRange(hash, 12, 32));
    }

    public static BigInteger n() {
        return CURVE.getN();
    }

    /** Signs a 32-byte hash; returns {@code r ‖ s ‖ recId} with the recId that recovers this key. */
    public static byte[] sign(byte[] hash32, BigInteger privateKey) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        Bytes expected = address(privateKey);
        for (int recId = 0; recId <= 1; recId++) {
            byte[] sig = encode(rs[0], rs[1], recId);
            Optional<Bytes> recovered = Secp256k1Recovery.recoverAddress(hash32, sig);
            if (recovered.isPresent() && recovered.get().equals(expected)) {
                return sig;
            }
        }
        throw new IllegalStateException("no recovery id reproduces the signing key");
    }

    public static byte[] encode(BigInteger r, BigInteger s, int v) {
        byte[] out = new byte[65];
        put(r, out, 0);
        put(s, out, 32);
        out[64] = (byte) v;
        return out;
    }

    private static void put(BigInteger value, byte[] out, int offset) {
        byte[] b = value.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }
}
