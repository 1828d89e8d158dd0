package org.custos.verify.evidence;

import java.util.Map;

/** Public access to the demo-chain transcript of {@link DemoChainTranscriptTest} for tests in other packages. */
public final class DemoChainTranscriptFixture {

    /** The demo chain's genesis hash (consortium/fixtures/demo/scenario.json). */
    public static final String GENESIS = DemoChainTranscriptTest.GENESIS;

    private DemoChainTranscriptFixture() {
    }

    /** Blocks 0-9 of the demo chain with receipts and two state proofs, anchored at genesis (a fresh copy). */
    public static Map<String, Object> transcript() {
        return DemoChainTranscriptTest.transcript();
    }
}
