package org.custos.verify.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The strict JSON codec of the command line (RFC 8259) for node answers and evidence transcripts. Reading is
 * Jackson's (never a hand-written parser for untrusted input), configured to give the verifier exactly the values
 * it consumes: objects become insertion-ordered maps ({@link java.util.LinkedHashMap}; a duplicate key is an
 * error), arrays lists ({@link java.util.ArrayList}), integers {@link BigInteger}, other numbers
 * {@link BigDecimal}, {@code true}/{@code false} {@link Boolean}, {@code null} null; trailing tokens are an error.
 *
 * <p>Every read is bounded by Jackson's {@link StreamReadConstraints}: at most {@link #MAX_NESTING} nested arrays
 * and objects (a transcript nests about ten deep; 200,000 nested arrays are refused at depth 101, before any
 * recursion could overflow the stack), at most {@link #MAX_NUMBER_DIGITS} characters per number, and for node
 * answers a maximum document length (see {@link #parse(byte[], long)}). Malformed or over-limit text throws
 * {@link IllegalArgumentException} with a one-line message.
 */
public final class Json {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING = 100;
    /** The longest number accepted, in characters (JSON-RPC carries quantities as hex strings, not numbers). */
    public static final int MAX_NUMBER_DIGITS = 1000;

    private static final ObjectMapper TEXT = mapper(-1, Integer.MAX_VALUE);
    /** Mappers for node answers by size limit (one per client setting; a mapper is costly to build and warm). */
    private static final Map<Long, ObjectMapper> BOUNDED = new java.util.concurrent.ConcurrentHashMap<>();

    private Json() {
    }

    /** Parses text already in memory (a transcript file); nesting and number lengths are bounded. */
    public static Object parse(String text) {
        try {
            return TEXT.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses UTF-8 bytes received from a node: as {@link #parse(String)}, and the document, and so each string
     * in it, is at most {@code maxBytes} long (invalid UTF-8 is an error).
     */
    public static Object parse(byte[] utf8, long maxBytes) {
        if (utf8.length > maxBytes) {
            throw new IllegalArgumentException("JSON: document of " + utf8.length + " bytes exceeds the limit of "
                    + maxBytes);
        }
        try {
            return BOUNDED.computeIfAbsent(maxBytes, max -> mapper(max, (int) Math.min(max, Integer.MAX_VALUE)))
                    .readValue(utf8, Object.class);
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON: " + e.getMessage(), e);
        }
    }

    /** Casts a parsed JSON object ({@link IllegalArgumentException} if it is something else). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("JSON: expected an object");
        }
        return (Map<String, Object>) value;
    }

    /** Writes maps, lists, strings, numbers, booleans and null as compact JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                writeString(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static ObjectMapper mapper(long maxDocument, int maxString) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxStringLength(maxString)
                .maxDocumentLength(maxDocument)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Jackson's own message, on one line, with the offset where it stopped (never the source text). */
    static IllegalArgumentException malformed(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
        JsonLocation at = e.getLocation();
        long offset = at == null ? -1 : Math.max(at.getCharOffset(), at.getByteOffset());
        return new IllegalArgumentException("JSON: " + message + (offset >= 0 ? " at offset " + offset : ""), e);
    }
}
