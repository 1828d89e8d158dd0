package org.custos.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.SealedChainVerifier;
import org.custos.verify.consensus.SegmentVerdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (b) QBFT finality of a whole segment: {@link SealedChainVerifier#bft} from the epoch checkpoint (genesis) over
 * 256 sealed blocks of the synthetic 4-validator chain: per block the hash-chain step, extraData layout,
 * validator list, proposer, 3 commit seals and quorum, vote replay. Seal recovery is
 * {@code EcRecover.preferred()}, what production code gets. One op = one sealed header.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class QbftSegmentBenchmark {

    private static final int SEALED_BLOCKS = 256;

    private List<ClaimedHeader> segment;
    private SealedChainVerifier verifier;

    @Setup
    public void setUp() {
        QbftChain chain = new QbftChain(SEALED_BLOCKS);
        segment = List.copyOf(chain.headers);
        verifier = SealedChainVerifier.bft(BftVariant.QBFT, 30_000, chain.validators);
        Fixtures.requireVerified(sealedSegment().result(), "QBFT segment");
    }

    @Benchmark
    @OperationsPerInvocation(SEALED_BLOCKS)
    public SegmentVerdict sealedSegment() {
        return verifier.verify(segment.get(0).claimedHash(), segment);
    }
}
