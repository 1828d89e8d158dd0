package org.custos.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockBodyVerifier;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.ReceiptEncoder;
import org.custos.verify.trie.OrderedIndexTrie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (c) The receipts of mainnet Cancun block 21925176 (202 receipts, from {@code eth_getBlockReceipts} JSON).
 * One op = one block: {@code receiptsRoot} re-encodes every receipt and computes the ordered-index trie root;
 * {@code verifyReceipts} is the full {@link BlockBodyVerifier#verifyReceipts} (blooms recomputed from the logs,
 * root, block bloom, gasUsed).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ReceiptsTrieBenchmark {

    private BlockHeader header;
    private List<Map<String, Object>> receipts;

    @Setup
    public void setUp() {
        header = Fixtures.cancunHeader().header();
        receipts = Fixtures.cancunReceipts();
        if (receipts.size() != 202) {
            throw new IllegalStateException("expected the 202 receipts of block 21925176, got " + receipts.size());
        }
        Fixtures.requireVerified(BlockBodyVerifier.verifyReceipts(header, receipts), "receipts");
        if (!header.get(HeaderField.RECEIPTS_ROOT).equals(org.custos.verify.Bytes.of(receiptsRoot()))) {
            throw new IllegalStateException("receipts root differs from the header's");
        }
    }

    @Benchmark
    public byte[] receiptsRoot() {
        List<byte[]> encodings = new ArrayList<>(receipts.size());
        for (Map<String, Object> receipt : receipts) {
            encodings.add(ReceiptEncoder.encode(receipt));
        }
        return OrderedIndexTrie.rootHash(encodings);
    }

    @Benchmark
    public VerificationResult verifyReceipts() {
        return BlockBodyVerifier.verifyReceipts(header, receipts);
    }
}
