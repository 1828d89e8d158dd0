package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.verify.Bytes;
import org.custos.verify.Hex;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Flipping one bit in any header field of a real block must break its claimed hash. */
class HeaderMutationTest {

    static Stream<HeaderField> cancunFields() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        return Stream.of(HeaderField.values()).filter(f -> block.containsKey(f.jsonName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancunFields")
    void flippingOneBitGivesHashMismatch(HeaderField field) {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.put(field.jsonName(), flipLowestBit(field, (String) block.get(field.jsonName())));

        VerificationResult result = new HashChainVerifier(HeaderHasher.ETHEREUM)
                .verifyRpc(Bytes.fromHex((String) block.get("hash")), List.of(block));

        assertThat(result.reason()).isEqualTo(ReasonCode.HASH_MISMATCH);
        assertThat(result.expected()).isEqualTo(block.get("hash"));
        assertThat(result.actual()).isNotEqualTo(result.expected());
    }

    private static String flipLowestBit(HeaderField field, String value) {
        if (field.kind() == HeaderField.Kind.QUANTITY) {
            return "0x" + new BigInteger(value.substring(2), 16).flipBit(0).toString(16);
        }
        byte[] bytes = Hex.decode(value);
        if (bytes.length == 0) {
            return "0x01";
        }
        bytes[bytes.length - 1] ^= 1;
        return Hex.encodePrefixed(bytes);
    }
}
