package org.custos.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.verify.testing.ReferenceJson;
import org.junit.jupiter.api.Test;

/**
 * The Jackson-backed codec against the hand-written reader it replaced ({@link ReferenceJson}, test scope): on
 * every JSON file of the test vectors and on edge values the two give the same values of the same classes (what
 * {@code TranscriptVerifier} and the chain parsers cast to), and the limits hold against hostile text.
 */
class JsonTest {

    @Test
    void everyVectorFileParsesToTheReferenceValuesAndClasses() throws IOException, URISyntaxException {
        Path root = Path.of(JsonTest.class.getClassLoader().getResource("vectors").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object expected = ReferenceJson.parse(text);
            assertSameShape(Json.parse(text), expected, file.toString());
            assertSameShape(Json.parse(text.getBytes(StandardCharsets.UTF_8), 64 << 20), expected, file.toString());
        }
    }

    @Test
    void edgeValuesMatchTheReference() {
        for (String text : List.of("0", "-0", "123456789012345678901234567890", "-1", "1.5", "-0.25", "1e5",
                "1E-3", "2.50", "\"\\u00e9\\ud83d\\ude00\\/\"", "[]", "{}", "[null,true,false]",
                "{\"b\":1,\"a\":{\"c\":[1.0,2]}}", " [ 1 , 2 ] ")) {
            assertSameShape(Json.parse(text), ReferenceJson.parse(text), text);
        }
    }

    @Test
    void malformedTextIsRefusedOnOneLine() {
        for (String bad : List.of("{\"a\":1,\"a\":2}", "[1,]", "01", "{\"a\" 1}", "\"\\x\"", "[1] 2", "", "[",
                "{\"a\":", "NaN", "'a'", "[\"tab\there\"]", "\u0000", "[1,2", "{\"a\":1}}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("JSON: ").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        byte[] invalidUtf8 = {'"', (byte) 0xc3, (byte) 0x28, '"'};
        assertThatThrownBy(() -> Json.parse(invalidUtf8, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> Json.parse(deep.getBytes(StandardCharsets.US_ASCII), 1 << 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nesting depth");
        String objects = "{\"a\":".repeat(Json.MAX_NESTING + 1) + "1" + "}".repeat(Json.MAX_NESTING + 1);
        assertThatThrownBy(() -> Json.parse(objects)).hasMessageContaining("nesting depth");
        String limit = "[".repeat(Json.MAX_NESTING) + "]".repeat(Json.MAX_NESTING);
        assertThat(Json.parse(limit)).isInstanceOf(List.class);
    }

    @Test
    void lengthsAreBounded() {
        byte[] big = ("[\"" + "a".repeat(2000) + "\"]").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Json.parse(big, 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the limit");
        assertThat(Json.parse(big, big.length)).isInstanceOf(List.class);
        String longNumber = "1".repeat(Json.MAX_NUMBER_DIGITS + 1);
        assertThatThrownBy(() -> Json.parse(longNumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Number value length");
    }

    @Test
    void writeRoundTrips() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" backslash \\ newline \n control \u0001 é");
        value.put("n", List.of(BigInteger.TEN.pow(30), new BigDecimal("2.5"), 7, true));
        value.put("null", null);
        value.put("nested", List.of(Map.of("k", new ArrayList<>())));
        Object again = Json.parse(Json.write(value));
        assertThat(Json.write(again)).isEqualTo(Json.write(value));
        assertSameShape(again, ReferenceJson.parse(Json.write(value)), "round trip");
    }

    /** Equal values, and at every level the same Java classes (LinkedHashMap, ArrayList, BigInteger, ...). */
    private static void assertSameShape(Object actual, Object expected, String where) {
        if (expected == null) {
            assertThat(actual).as(where).isNull();
            return;
        }
        assertThat(actual).as(where).isNotNull();
        assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertThat(new ArrayList<>(a.keySet())).as(where + " keys in order").isEqualTo(new ArrayList<>(e.keySet()));
            for (Object key : e.keySet()) {
                assertSameShape(a.get(key), e.get(key), where + "." + key);
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertThat(a).as(where).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameShape(a.get(i), e.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof BigDecimal e) {
            assertThat((BigDecimal) actual).as(where).isEqualTo(e).hasScaleOf(e.scale());
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }
}
