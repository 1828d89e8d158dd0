package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** SEC 1 §4.1.6 recovery against signatures made with BouncyCastle's ECDSA signer (RFC 6979 k). */
class Secp256k1RecoveryTest {

    private static final BigInteger P = CustomNamedCurves.getByName("secp256k1").getCurve().getField()
            .getCharacteristic();

    @Test
    void addressDerivationMatchesAWellKnownDevKey() {
        // anvil / hardhat account 0 (public dev key from the standard test mnemonic)
        BigInteger key = new BigInteger("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 16);
        assertThat(TestKeys.address(key)).isEqualTo(Bytes.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        byte[] hash = Hashes.keccak256("custos".getBytes(StandardCharsets.US_ASCII));
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.sign(hash, key)))
                .contains(Bytes.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    }

    @Test
    void recoversTheSignerOfManySignaturesInBothVForms() {
        for (int i = 0; i < 40; i++) {
            BigInteger key = TestKeys.key(100 + i);
            byte[] hash = Hashes.keccak256(("message " + i).getBytes(StandardCharsets.US_ASCII));
            byte[] sig = TestKeys.sign(hash, key);
            assertThat(Secp256k1Recovery.recoverAddress(hash, sig)).contains(TestKeys.address(key));
            byte[] legacyV = sig.clone();
            legacyV[64] += 27;
            assertThat(Secp256k1Recovery.recoverAddress(hash, legacyV)).contains(TestKeys.address(key));
            byte[] otherParity = sig.clone();
            otherParity[64] ^= 1;
            assertThat(Secp256k1Recovery.recoverAddress(hash, otherParity)).isPresent()
                    .get().isNotEqualTo(TestKeys.address(key));
        }
    }

    @Test
    void highSWithFlippedParityIsAcceptedAndRecoversTheSameKey() {
        BigInteger key = TestKeys.key(7);
        byte[] hash = Hashes.keccak256(new byte[] {1, 2, 3});
        byte[] sig = TestKeys.sign(hash, key);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        byte[] mirrored = TestKeys.encode(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                TestKeys.n().subtract(s), sig[64] ^ 1);
        assertThat(Secp256k1Recovery.recoverAddress(hash, mirrored)).contains(TestKeys.address(key));
    }

    @Test
    void outOfRangeValuesAreNotRecoverable() {
        byte[] hash = Hashes.keccak256(new byte[] {9});
        BigInteger n = TestKeys.n();
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(BigInteger.ZERO, BigInteger.ONE, 0))).isEmpty();
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(BigInteger.ONE, BigInteger.ZERO, 0))).isEmpty();
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(n, BigInteger.ONE, 0))).isEmpty();
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(BigInteger.ONE, n, 0))).isEmpty();
        for (int v : new int[] {2, 26, 29, 255}) {
            assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(BigInteger.ONE, BigInteger.ONE, v)))
                    .as("v=%d", v).isEmpty();
        }
        assertThat(Secp256k1Recovery.recoverAddress(hash, new byte[64])).isEmpty();
        assertThat(Secp256k1Recovery.recoverAddress(hash, new byte[66])).isEmpty();
    }

    @Test
    void rThatIsNoCurveXCoordinateIsNotRecoverable() {
        BigInteger x = BigInteger.ONE;
        while (isSquare(x.pow(3).add(BigInteger.valueOf(7)).mod(P))) {
            x = x.add(BigInteger.ONE);
        }
        byte[] hash = Hashes.keccak256(new byte[] {4});
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(x, BigInteger.ONE, 0))).isEmpty();
        assertThat(Secp256k1Recovery.recoverAddress(hash, TestKeys.encode(x, BigInteger.ONE, 1))).isEmpty();
    }

    @Test
    void hashOfWrongLengthIsACallerError() {
        assertThatThrownBy(() -> Secp256k1Recovery.recoverAddress(new byte[31], new byte[65]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean isSquare(BigInteger a) {
        return a.signum() == 0 || a.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }
}
