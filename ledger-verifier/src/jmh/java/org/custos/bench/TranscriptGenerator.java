package org.custos.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.cli.Json;
import org.custos.verify.evidence.TranscriptVerifier;

/**
 * Writes the header-only evidence of a consortium integrity report over many blocks, for the re-verification
 * benchmark (docs/performance.md, "Report evidence re-verification"):
 *
 * <pre>
 * java -cp ledger-verifier/target/benchmarks.jar org.custos.bench.TranscriptGenerator OUT.json BLOCKS dev|qbft
 * </pre>
 * {@code dev}: a hash chain of 20-field Cancun headers derived from mainnet block 21925176
 * ({@link Fixtures#cancunChain}), anchored at its first block (consensus {@code dev}, hash chain only). {@code qbft}:
 * the synthetic 4-validator QBFT chain of {@link QbftChain} (3 commit seals per block), anchored at its genesis.
 * Blocks are written one at a time; the checkpoint hash is printed (for {@code transcript --checkpoint}).
 */
public final class TranscriptGenerator {

    private TranscriptGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !List.of("dev", "qbft").contains(args[2])) {
            System.err.println("usage: TranscriptGenerator OUT.json BLOCKS dev|qbft");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int blocks = Integer.parseInt(args[1]);
        List<ClaimedHeader> headers;
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("consensus", args[2]);
        if (args[2].equals("dev")) {
            headers = Fixtures.cancunChain(blocks);
        } else {
            QbftChain qbft = new QbftChain(blocks - 1);
            headers = qbft.headers;
            chain.put("validators", qbft.validators.stream().map(Bytes::toHex).toList());
            chain.put("epochLength", "0x7530");
        }
        ClaimedHeader first = headers.get(0);
        chain.put("checkpoint", Map.of("number", RpcHeaderParser.format(HeaderField.NUMBER,
                first.header().get(HeaderField.NUMBER)), "hash", first.claimedHash().toHex()));
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"version\":" + Json.write(TranscriptVerifier.VERSION_2) + ",\"chain\":" + Json.write(chain)
                    + ",\"blocks\":[");
            for (int i = 0; i < headers.size(); i++) {
                w.write(i == 0 ? "\n" : ",\n");
                w.write(Json.write(Map.of("block", block(headers.get(i)))));
            }
            w.write("\n]}\n");
        }
        System.out.println("checkpoint " + new BigInteger(1, first.header().get(HeaderField.NUMBER).toArray()) + " "
                + first.claimedHash().toHex() + ", " + headers.size() + " blocks, " + Files.size(out) + " bytes");
    }

    private static Map<String, Object> block(ClaimedHeader claimed) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("hash", claimed.claimedHash().toHex());
        for (HeaderField field : HeaderField.values()) {
            Bytes value = claimed.header().get(field);
            if (value != null) {
                block.put(field.jsonName(), RpcHeaderParser.format(field, value));
            }
        }
        return block;
    }
}
