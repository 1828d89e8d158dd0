package org.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;

class HashesTest {

    @Test
    void keccak256OfEmptyInputIsTheEthereumConstant() {
        // Yellow Paper: KEC(()) is the codeHash of an account without code.
        assertThat(Hex.encode(Hashes.keccak256()))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void keccak256IsNotSha3() {
        // SHA3-256("") (FIPS 202) is a7ffc6f8...; Ethereum uses the pre-standard Keccak padding.
        assertThat(Hex.encode(Hashes.keccak256())).doesNotStartWith("a7ffc6f8");
    }

    @Test
    void keccak256OfRlpEmptyStringIsTheEmptyTrieRoot() {
        assertThat(Hex.encode(Hashes.keccak256(new byte[] {(byte) 0x80})))
                .isEqualTo("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    }

    @Test
    void sha256KnownAnswers() {
        // FIPS 180-4 examples.
        assertThat(Hex.encode(Hashes.sha256()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hex.encode(Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void concatenatesParts() {
        byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hashes.sha256(new byte[] {'a'}, new byte[] {'b'})).isEqualTo(Hashes.sha256(ab));
        assertThat(Hashes.keccak256(new byte[] {'a'}, new byte[] {'b'})).isEqualTo(Hashes.keccak256(ab));
    }

    @Test
    void sha256AgreesWithBouncyCastleOnRandomInputsOfEveryLengthAroundTheBlockSize() {
        Random random = new Random(180_4);
        for (int length = 0; length <= 300; length++) {
            byte[] input = new byte[length];
            random.nextBytes(input);
            int split = length == 0 ? 0 : random.nextInt(length);
            byte[] head = java.util.Arrays.copyOfRange(input, 0, split);
            byte[] tail = java.util.Arrays.copyOfRange(input, split, length);
            SHA256Digest reference = new SHA256Digest();
            reference.update(input, 0, length);
            byte[] expected = new byte[32];
            reference.doFinal(expected, 0);
            assertThat(Hashes.sha256(input)).isEqualTo(expected);
            assertThat(Hashes.sha256(head, tail)).isEqualTo(expected);
        }
    }
}
