package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.custos.verify.Bytes;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native libsecp256k1 recovery ({@link NativeEcRecover}) against the pure-Java one ({@link Secp256k1Recovery})
 * on many random signatures (fixed seed): real signatures in every v form and their high-s mirrors, random
 * (r, s, v) triples of which about half are not recoverable, boundary values, and Q at infinity. Both must give
 * the same answer every time, present or empty.
 */
class EcRecoverCrossCheckTest {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

    private static EcRecover nativeRecover;
    private static final EcRecover JAVA = EcRecover.pureJava();

    @BeforeAll
    static void loadNative() {
        nativeRecover = NativeEcRecover.load().orElse(null);
    }

    @Test
    void nativeIsLoadedAndPreferredOnLinux() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && List.of("amd64", "x86_64", "aarch64").contains(arch),
                "the binding ships Linux x86_64 and aarch64 natives only");
        assertThat(nativeRecover).as("native libsecp256k1 loads on " + os + "/" + arch).isNotNull();
        assertThat(EcRecover.preferred().name()).isEqualTo("native-libsecp256k1");
        assertThat(JAVA.name()).isEqualTo("pure-java-bouncycastle");
    }

    @Test
    void realSignaturesRecoverTheSameAddressInEveryForm() {
        assumeTrue(nativeRecover != null, "native library not loaded");
        Random random = new Random(9162);
        for (int i = 0; i < 300; i++) {
            BigInteger key = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] hash = randomBytes(random, 32);
            byte[] sig = TestKeys.sign(hash, key);
            Bytes expected = TestKeys.address(key);
            byte[] legacyV = sig.clone();
            legacyV[64] += 27;
            byte[] mirrored = TestKeys.encode(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                    N.subtract(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))), sig[64] ^ 1);
            for (byte[] form : List.of(sig, legacyV, mirrored)) {
                assertThat(nativeRecover.recoverAddress(hash, form)).contains(expected);
                assertSame(hash, form);
            }
            byte[] otherParity = sig.clone();
            otherParity[64] ^= 1;
            assertSame(hash, otherParity);
        }
    }

    @Test
    void randomTriplesAgreeWhetherRecoverableOrNot() {
        assumeTrue(nativeRecover != null, "native library not loaded");
        Random random = new Random(2718);
        int recoverable = 0;
        int[] vs = {0, 1, 27, 28};
        for (int i = 0; i < 1000; i++) {
            byte[] hash = randomBytes(random, 32);
            byte[] sig = TestKeys.encode(new BigInteger(256, random), new BigInteger(256, random), vs[i % 4]);
            recoverable += assertSame(hash, sig).isPresent() ? 1 : 0;
        }
        // about half of all x < p are curve x coordinates; both branches must have been exercised
        assertThat(recoverable).isBetween(350, 650);
    }

    @Test
    void boundaryValuesAgree() {
        assumeTrue(nativeRecover != null, "native library not loaded");
        byte[] hash = randomBytes(new Random(1), 32);
        BigInteger one = BigInteger.ONE;
        BigInteger gx = CURVE.getG().normalize().getAffineXCoord().toBigInteger();
        List<BigInteger> values = List.of(BigInteger.ZERO, one, gx, N.subtract(one), N, N.add(one), P.subtract(one),
                BigInteger.TWO.pow(256).subtract(one));
        for (BigInteger r : values) {
            for (BigInteger s : values) {
                for (int v : new int[] {0, 1, 2, 26, 27, 28, 29, 255}) {
                    assertSame(hash, TestKeys.encode(r, s, v));
                }
            }
        }
        for (int length : new int[] {0, 64, 66}) {
            assertThat(assertSame(hash, new byte[length])).isEmpty();
        }
        assertThatThrownBy(() -> nativeRecover.recoverAddress(new byte[31], new byte[65]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recoveredPointAtInfinityIsEmptyForBoth() {
        assumeTrue(nativeRecover != null, "native library not loaded");
        // R = kG, s = 1, e = k: Q = r^-1 (s R - e G) is the point at infinity
        Random random = new Random(4161);
        for (int i = 0; i < 20; i++) {
            BigInteger k = new BigInteger(255, random).add(BigInteger.ONE);
            ECPoint bigR = CURVE.getG().multiply(k).normalize();
            BigInteger r = bigR.getAffineXCoord().toBigInteger();
            if (r.compareTo(N) >= 0) {
                continue;
            }
            int parity = bigR.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
            byte[] hash = TestKeys.encode(k, BigInteger.ZERO, 0);
            byte[] sig = TestKeys.encode(r, BigInteger.ONE, parity);
            assertThat(assertSame(Arrays.copyOf(hash, 32), sig)).isEmpty();
        }
    }

    /** Both implementations give the same key (or both none); returns it. */
    private static Optional<byte[]> assertSame(byte[] hash, byte[] sig) {
        Optional<byte[]> fromNative = nativeRecover.recoverPublicKey(hash, sig);
        Optional<byte[]> fromJava = JAVA.recoverPublicKey(hash, sig);
        assertThat(fromNative.isPresent()).as("recoverable? native vs java").isEqualTo(fromJava.isPresent());
        fromNative.ifPresent(key -> assertThat(key).isEqualTo(fromJava.get()));
        return fromNative;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
