package org.custos.portal.reports.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the block numbers and hashes a report's embedded evidence ({@code custos-evidence} transcript,
 * docs/verification.md) cites: {@code blocks[i].block.number} (a JSON-RPC quantity) and {@code blocks[i].block.hash}.
 * The evidence is untrusted input (a signature proves who wrote it, not that it is sane), so it is read with
 * Jackson's streaming parser under limits (size, nesting, token count, string and name lengths, duplicate keys
 * refused) and only the two members are kept; every other member is skipped without building objects.
 * Anything that is not a transcript of this shape is a {@link Malformed} with the reason, never an exception.
 */
public final class EvidenceBlocks {

    /** Transcripts nest about 12 deep (blocks, block, transactions, access lists, storage keys). */
    public static final int MAX_NESTING = 64;
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_NUMBER_LENGTH = 64;
    /** One token per 4 bytes at most: bounds the work a parse does whatever the document's shape. */
    public static final int BYTES_PER_TOKEN = 4;

    private static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-f][0-9a-f]{0,14})");
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

    /** One cited block. {@code hash} is lower-case {@code 0x} hex. */
    public record Block(long number, String hash) {
    }

    /** The blocks cited, in the evidence's order. */
    public record Parsed(List<Block> blocks) {
    }

    /** Why the evidence could not be read as a transcript. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final long maxBytes;
    private final int maxBlocks;

    public EvidenceBlocks(long maxBytes, int maxBlocks) {
        if (maxBytes < 1 || maxBlocks < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxBlocks = maxBlocks;
    }

    public Parsed read(byte[] json) throws Malformed {
        if (json == null || json.length == 0) {
            throw new Malformed("the evidence is empty");
        }
        if (json.length > maxBytes) {
            throw new Malformed("the evidence has " + json.length + " bytes, more than the " + maxBytes
                    + " this page reads");
        }
        try (JsonParser p = factory(json.length).createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the evidence is not a JSON object");
            }
            List<Block> blocks = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("blocks".equals(name)) {
                    blocks = blocks(p);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new Malformed("content after the evidence's JSON object");
            }
            if (blocks == null) {
                throw new Malformed("the evidence has no \"blocks\" member");
            }
            return new Parsed(List.copyOf(blocks));
        } catch (StreamConstraintsException e) {
            throw new Malformed("the evidence exceeds a parser limit: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("the evidence is not well-formed JSON: " + originalMessage(e));
        }
    }

    private List<Block> blocks(JsonParser p) throws IOException, Malformed {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new Malformed("\"blocks\" is not an array");
        }
        List<Block> blocks = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (blocks.size() >= maxBlocks) {
                throw new Malformed("the evidence cites more than " + maxBlocks + " blocks");
            }
            blocks.add(entry(p, blocks.size()));
        }
        return blocks;
    }

    /** {@code {"block": {..., "number": "0x..", "hash": "0x..", ...}, "receipts": ...}} */
    private static Block entry(JsonParser p, int index) throws IOException, Malformed {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new Malformed("blocks[" + index + "] is not an object");
        }
        Block block = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if ("block".equals(name)) {
                block = header(p, index);
            } else {
                p.skipChildren();
            }
        }
        if (block == null) {
            throw new Malformed("blocks[" + index + "] has no \"block\" member");
        }
        return block;
    }

    private static Block header(JsonParser p, int index) throws IOException, Malformed {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new Malformed("blocks[" + index + "].block is not an object");
        }
        String number = null;
        String hash = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if ("number".equals(name)) {
                number = text(p, index, name);
            } else if ("hash".equals(name)) {
                hash = text(p, index, name);
            } else {
                p.skipChildren();
            }
        }
        if (number == null || !QUANTITY.matcher(number.toLowerCase(Locale.ROOT)).matches()) {
            throw new Malformed("blocks[" + index + "].block.number is not a quantity (0x hex, at most 15 digits): "
                    + shorten(number));
        }
        if (hash == null || !HASH.matcher(hash.toLowerCase(Locale.ROOT)).matches()) {
            throw new Malformed("blocks[" + index + "].block.hash is not 0x and 64 hex digits: " + shorten(hash));
        }
        return new Block(Long.parseLong(number.substring(2), 16), hash.toLowerCase(Locale.ROOT));
    }

    private static String text(JsonParser p, int index, String name) throws IOException, Malformed {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new Malformed("blocks[" + index + "].block." + name + " is not a string");
        }
        return p.getText();
    }

    private JsonFactory factory(int length) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBytes)
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxTokenCount(Math.max(16, length / BYTES_PER_TOKEN))
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return factory;
    }

    private static String originalMessage(IOException e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        return shorten(m);
    }

    static String shorten(String s) {
        if (s == null) {
            return "none";
        }
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
