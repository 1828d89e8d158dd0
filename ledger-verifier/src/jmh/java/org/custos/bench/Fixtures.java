package org.custos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.cli.Json;
import org.custos.verify.rlp.RlpString;

/** Shared fixture code: the Cancun vector (a copy of src/test/resources, added by the bench profile). */
final class Fixtures {

    static final String CANCUN = "bench/mainnet-21925176-cancun/";

    private Fixtures() {
    }

    static Object json(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClaimedHeader cancunHeader() {
        return RpcHeaderParser.parse(Json.object(json(CANCUN + "block.json")));
    }

    static List<Map<String, Object>> cancunReceipts() {
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (Object o : (List<?>) json(CANCUN + "receipts.json")) {
            receipts.add(Json.object(o));
        }
        return receipts;
    }

    /**
     * A chain of {@code length} Cancun headers (20 fields) derived from block 21925176: each has the real header's
     * fields with number + i, parentHash = the previous hash, its own timestamp and stateRoot.
     */
    static List<ClaimedHeader> cancunChain(int length) {
        BlockHeader real = cancunHeader().header();
        List<ClaimedHeader> chain = new ArrayList<>(length);
        Bytes parent = real.parentHash();
        long number = real.number().longValueExact();
        long timestamp = RlpString.of(real.get(HeaderField.TIMESTAMP).toArray()).asScalar().longValueExact();
        for (int i = 0; i < length; i++) {
            BlockHeader header = real.with(HeaderField.PARENT_HASH, parent)
                    .with(HeaderField.NUMBER, scalar(number + i))
                    .with(HeaderField.TIMESTAMP, scalar(timestamp + 12L * i))
                    .with(HeaderField.STATE_ROOT, Bytes.of(Hashes.keccak256(ascii("state " + i))));
            Bytes hash = HeaderHasher.ETHEREUM.hash(header);
            chain.add(new ClaimedHeader(header, hash));
            parent = hash;
        }
        return chain;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static Bytes scalar(long value) {
        return Bytes.of(RlpString.ofScalar(value).bytes());
    }

    static void requireVerified(VerificationResult result, String what) {
        if (!result.verified()) {
            throw new IllegalStateException("fixture does not verify (" + what + "): " + result);
        }
    }
}
