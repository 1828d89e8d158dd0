package org.custos.portal.ledger.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Bounds on one node answer, so that no answer can exhaust the portal's memory or stack: its size in bytes (checked
 * against the announced {@code Content-Length} before reading, and while reading a chunked answer), and the JSON
 * parser's limits (Jackson {@link StreamReadConstraints}): nesting depth, string, number and name lengths, and
 * the number of tokens (which bounds the objects a parse creates, whatever the answer's shape). Duplicate keys in
 * an object are refused (an answer that says two things is not a claim to check).
 *
 * <p>The default size fits a batch of {@code batchSize} blocks with full transactions and receipts of up to
 * {@link #BYTES_PER_BLOCK} each (the demo chain's blocks take 4.2 KB on average, 9.7 KB at most; docs/operations.md).
 */
public record AnswerLimits(long maxBytes) {

    /** Allowance per block of a batch for the default size limit. */
    public static final long BYTES_PER_BLOCK = 64 * 1024;
    /** The smallest default size limit (single requests, small batches). */
    public static final long MIN_DEFAULT_BYTES = 4L * 1024 * 1024;
    /** Above this an answer does not fit one array; also the largest configurable limit. */
    public static final long MAX_BYTES = 1024L * 1024 * 1024;
    /** JSON-RPC answers nest about 8 deep (batch, response, block, transactions, tx, access list, entry, keys). */
    public static final int MAX_NESTING = 32;
    /** Honest answers carry about one token per 26 bytes (measured on the demo chain); this allows one per 8. */
    public static final int BYTES_PER_TOKEN = 8;
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_NUMBER_LENGTH = 64;

    public AnswerLimits {
        if (maxBytes < 1024 || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("answer size limit out of range: " + maxBytes);
        }
    }

    /** The default limit for batches of {@code batchSize} blocks. */
    public static AnswerLimits forBatch(int batchSize) {
        return new AnswerLimits(Math.min(MAX_BYTES, Math.max(MIN_DEFAULT_BYTES, batchSize * BYTES_PER_BLOCK)));
    }

    /** A copy of {@code base} (its modules and settings) whose parser enforces these limits. */
    public ObjectMapper reader(ObjectMapper base) {
        ObjectMapper reader = base.copy();
        reader.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxBytes)
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength((int) maxBytes)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxTokenCount(maxBytes / BYTES_PER_TOKEN)
                .build());
        reader.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return reader;
    }

    /**
     * The whole body, or a {@link NodeAnswerException} as soon as it is known to exceed {@link #maxBytes}: at once
     * when the announced length does, else after reading {@code maxBytes + 1} bytes (the rest is never read).
     */
    public byte[] read(ResponseBody body) throws IOException {
        long announced = body.contentLength();
        if (announced > maxBytes) {
            throw tooLarge("announced an answer of " + announced + " bytes");
        }
        BufferedSource source = body.source();
        if (source.request(maxBytes + 1)) {
            throw tooLarge("sent an answer of more than " + maxBytes + " bytes");
        }
        return source.readByteArray();
    }

    private NodeAnswerException tooLarge(String what) {
        return new NodeAnswerException("the node " + what + "; the limit is " + maxBytes + " bytes ("
                + NodeTransport.MAX_RESPONSE_BYTES_ENV + "; or a smaller batch size)", false);
    }
}
