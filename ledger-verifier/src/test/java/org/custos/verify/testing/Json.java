package org.custos.verify.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test-vector access to the main-scope strict JSON codec {@link org.custos.verify.cli.Json}: objects become
 * insertion-ordered maps, arrays lists, integers {@link java.math.BigInteger}, other numbers
 * {@link java.math.BigDecimal}, and null {@code null}.
 */
public final class Json {

    private Json() {
    }

    public static Object parse(String text) {
        return org.custos.verify.cli.Json.parse(text);
    }

    /** Reads a classpath resource (path relative to the classpath root) and parses it. */
    public static Object resource(String path) {
        try (InputStream in = Json.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
