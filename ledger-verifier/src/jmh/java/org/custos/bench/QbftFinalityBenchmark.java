package org.custos.bench;

import java.util.concurrent.TimeUnit;
import org.custos.verify.Bytes;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.consensus.BftCommitSealVerifier;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.EcRecover;
import org.custos.verify.consensus.NativeEcRecover;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (b) QBFT finality on a synthetic 4-validator chain, 3 commit seals per block.
 *
 * <ul>
 *   <li>{@code commitSeals}: {@link BftCommitSealVerifier#verify} on one header: extraData decode, commit-seal
 *       hash, recovery of the 3 seals, membership, quorum. One op = one header.</li>
 *   <li>{@code ecrecover}: one seal recovery to an address. One op = one signature.</li>
 * </ul>
 * {@code recover}: {@code native} (libsecp256k1) or {@code java} (BouncyCastle). The whole chain check is
 * {@link QbftSegmentBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class QbftFinalityBenchmark {

    private static final int LENGTH = 256;

    @Param({"native", "java"})
    public String recover;

    private QbftChain chain;
    private BftCommitSealVerifier sealVerifier;
    private EcRecover ecRecover;
    private BlockHeader[] headers;
    private byte[][] commitHashes;
    private byte[][] seals;
    private int next;

    @Setup
    public void setUp() {
        ecRecover = "native".equals(recover)
                ? NativeEcRecover.load().orElseThrow(() -> new IllegalStateException("native secp256k1 not loaded"))
                : EcRecover.pureJava();
        chain = new QbftChain(LENGTH);
        sealVerifier = new BftCommitSealVerifier(BftVariant.QBFT, ecRecover);
        headers = new BlockHeader[LENGTH];
        commitHashes = new byte[LENGTH][];
        seals = new byte[LENGTH][];
        for (int i = 0; i < LENGTH; i++) {
            headers[i] = chain.headers.get(i + 1).header();
            Fixtures.requireVerified(sealVerifier.verify(headers[i], chain.validators), "seals of block " + (i + 1));
            var extra = BftVariant.QBFT.decode(headers[i].get(HeaderField.EXTRA_DATA));
            commitHashes[i] = BftVariant.QBFT.commitSealHash(headers[i], extra).toArray();
            seals[i] = extra.seals().get(0).toArray();
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == LENGTH ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public VerificationResult commitSeals() {
        return sealVerifier.verify(headers[nextIndex()], chain.validators);
    }

    @Benchmark
    public java.util.Optional<Bytes> ecrecover() {
        int i = nextIndex();
        return ecRecover.recoverAddress(commitHashes[i], seals[i]);
    }
}
