package org.custos.verify.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.verify.Hex;
import org.custos.verify.testing.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ethereum/tests RLPTests: one named case per vector (see vectors/ethereum-rlp/PROVENANCE.md). */
class RlpVectorsTest {

    static Stream<Arguments> validVectors() {
        return vectors("vectors/ethereum-rlp/rlptest.json");
    }

    static Stream<Arguments> invalidVectors() {
        return vectors("vectors/ethereum-rlp/invalidRLPTest.json");
    }

    static Stream<Arguments> randomVectors() {
        return vectors("vectors/ethereum-rlp/RandomRLPTests/example.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVectors")
    void encodesAndDecodesValidVector(String name, Object in, String out) {
        RlpItem expected = toItem(in);
        byte[] encoded = Hex.decode(out);

        assertThat(Hex.encodePrefixed(Rlp.encode(expected))).isEqualTo(out.toLowerCase());
        assertThat(Rlp.decode(encoded)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVectors")
    void rejectsInvalidVector(String name, Object in, String out) {
        assertThat(in).isEqualTo("INVALID");
        assertThatThrownBy(() -> Rlp.decode(Hex.decode(out))).isInstanceOf(MalformedRlpException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomVectors")
    void roundTripsRandomValidVector(String name, Object in, String out) {
        assertThat(in).isEqualTo("VALID");
        byte[] encoded = Hex.decode(out);
        assertThat(Rlp.encode(Rlp.decode(encoded))).isEqualTo(encoded);
    }

    private static Stream<Arguments> vectors(String resource) {
        Map<String, Object> all = Json.object(Json.resource(resource));
        return all.entrySet().stream().map(e -> {
            Map<String, Object> vector = Json.object(e.getValue());
            return Arguments.of(e.getKey(), vector.get("in"), (String) vector.get("out"));
        });
    }

    /** The ethereum/tests input convention: strings are bytes, "#n" and numbers are scalars, arrays are lists. */
    private static RlpItem toItem(Object in) {
        if (in instanceof String s) {
            return s.startsWith("#") ? RlpString.ofScalar(new BigInteger(s.substring(1)))
                    : RlpString.of(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (in instanceof BigInteger n) {
            return RlpString.ofScalar(n);
        }
        List<RlpItem> items = new ArrayList<>();
        for (Object element : (List<?>) in) {
            items.add(toItem(element));
        }
        return new RlpList(items);
    }
}
