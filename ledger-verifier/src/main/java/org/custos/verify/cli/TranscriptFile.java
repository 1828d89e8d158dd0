package org.custos.verify.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A transcript file read in bounded memory, in two passes of Jackson's streaming parser (same limits and strictness
 * as {@link Json}: nesting, number length, duplicate keys, trailing tokens; values as {@link Json#parse} gives
 * them). Pass 1 ({@link #members}) reads every member except {@code blocks} into memory (each at most
 * {@link #MAX_BLOCK_BYTES} of text) and checks the whole
 * document's syntax, skipping over the blocks (each must be an object); pass 2 ({@link #blocks}) hands out the
 * blocks one at a time, each at most {@link #MAX_BLOCK_BYTES} of text, so the verifier keeps only what its later
 * checks need. Malformed or over-limit text throws {@link IllegalArgumentException}; an I/O failure during pass 2
 * {@link UncheckedIOException}.
 */
final class TranscriptFile {

    /** The longest string accepted, in characters (a block's largest hex value is far below). */
    static final int MAX_STRING_CHARS = 32 << 20;
    /** The largest single {@code blocks[]} element or other top-level member, in bytes of text. */
    static final long MAX_BLOCK_BYTES = 64L << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Json.MAX_NESTING)
                    .maxNumberLength(Json.MAX_NUMBER_DIGITS)
                    .maxStringLength(MAX_STRING_CHARS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TranscriptFile() {
    }

    /** Pass 1: the transcript's members other than {@code blocks}, after checking the whole document. */
    static Map<String, Object> members(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                // as the tree path: the whole text is parsed (its syntax and limits reported first), then its type
                p.skipChildren();
                p.nextToken();
                throw new IllegalArgumentException("a transcript is a JSON object");
            }
            Map<String, Object> members = new LinkedHashMap<>();
            boolean blocks = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("blocks") && value == JsonToken.START_ARRAY) {
                    blocks = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw new IllegalArgumentException("blocks[]: expected an object");
                        }
                        p.skipChildren();
                    }
                } else {
                    members.put(name, read(p, MAX_BLOCK_BYTES));
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("JSON: trailing tokens after the transcript at offset "
                        + p.currentLocation().getByteOffset());
            }
            if (!blocks) {
                throw new IllegalArgumentException("blocks: expected an array");
            }
            return members;
        } catch (JacksonException e) {
            throw Json.malformed(e);
        }
    }

    /** Pass 2: the elements of {@code blocks}, one at a time; close it when done. */
    static Blocks blocks(Path file) throws IOException {
        return blocks(file, MAX_BLOCK_BYTES);
    }

    /** As {@link #blocks(Path)}, each element at most {@code maxBlockBytes} of text. */
    static Blocks blocks(Path file, long maxBlockBytes) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            JsonParser p = FACTORY.createParser(in);
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && name.equals("blocks")) {
                    return new Blocks(p, maxBlockBytes);
                }
                p.skipChildren();
            }
            throw new IllegalArgumentException("blocks: expected an array");
        } catch (JacksonException e) {
            in.close();
            throw Json.malformed(e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The blocks of a transcript file, read as they are asked for. */
    static final class Blocks implements Iterator<Object>, AutoCloseable {

        private final JsonParser parser;
        private final long maxBlockBytes;
        private Boolean next;

        private Blocks(JsonParser parser, long maxBlockBytes) {
            this.parser = parser;
            this.maxBlockBytes = maxBlockBytes;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = parser.nextToken() != JsonToken.END_ARRAY;
                } catch (JacksonException e) {
                    throw Json.malformed(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return next;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            next = null;
            try {
                return read(parser, maxBlockBytes);
            } catch (JacksonException e) {
                throw Json.malformed(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /**
     * The value at the parser's current token, as {@link Json#parse} builds it (ordered maps, lists, BigInteger,
     * BigDecimal, Boolean, String, null), refused once it spans more than {@code maxBytes} of text. Recursion is
     * bounded by the parser's nesting limit.
     */
    private static Object read(JsonParser p, long maxBytes) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        return value(p, start, maxBytes);
    }

    private static Object value(JsonParser p, long start, long maxBytes) throws IOException {
        if (p.currentLocation().getByteOffset() - start > maxBytes) {
            throw new IllegalArgumentException("JSON: a transcript member or block of more than " + (maxBytes >> 20)
                    + " MiB at offset " + start);
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p, start, maxBytes));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, start, maxBytes));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getBigIntegerValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("JSON: unexpected " + token);
        }
    }
}
