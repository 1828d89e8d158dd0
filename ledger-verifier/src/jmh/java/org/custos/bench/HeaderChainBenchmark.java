package org.custos.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HashChainVerifier;
import org.custos.verify.chain.HeaderHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (a) One {@link HashChainVerifier#verifyStep} per operation: KEC(RLP(header)) of a 20-field Cancun header,
 * compare with the claimed hash, number + 1 and parentHash link to the previous header. One op = one header.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class HeaderChainBenchmark {

    private static final int LENGTH = 1024;

    private final HashChainVerifier verifier = new HashChainVerifier(HeaderHasher.ETHEREUM);
    private ClaimedHeader[] chain;
    private int next;

    @Setup
    public void setUp() {
        List<ClaimedHeader> headers = Fixtures.cancunChain(LENGTH);
        Fixtures.requireVerified(verifier.verify(headers.get(0).claimedHash(), headers), "Cancun chain");
        chain = headers.toArray(new ClaimedHeader[0]);
        next = 1;
    }

    @Benchmark
    public VerificationResult cancunHeaderHashAndLink() {
        int i = next;
        next = i + 1 == LENGTH ? 1 : i + 1;
        return verifier.verifyStep(null, chain[i - 1], chain[i]);
    }
}
