package org.custos.verify.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.ReasonCode;
import org.custos.verify.chain.BlockBodyVerifier;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.cli.Json;
import org.custos.verify.testing.TranscriptMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transcripts of the project's own demo chain, blocks 0-9 exactly as anvil serves the committed fixture
 * ({@code vectors/custos-demo/demo-chain-0-9.json}, see its description): anchored at its London genesis, which
 * reports blob fields without withdrawalsRoot (issue 13 A2), with the registry contract's and dev account 0's
 * {@code eth_getProof} answers at block 9; and every lie of {@link TranscriptMutations} (A3-A7), each asserted to
 * be refused with its exact reason, check and block, and the count of blocks verified before it.
 */
class DemoChainTranscriptTest {

    static final String VECTOR = "vectors/custos-demo/demo-chain-0-9.json";
    static final String GENESIS = "0xbb8cc66991601f8438183cb3fc1cb711a6738d020645bf75e0033fe4f6db8877";
    private static final int TX_BLOCK = 5;
    private static final int LOG_BLOCK = 9;

    @Test
    void theDemoGenesisAnchorsTheDemoChain() {
        EvidenceReport report = TranscriptVerifier.verify(transcript());
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.blocks()).isEqualTo(10);
        assertThat(report.transactions()).isEqualTo(9);
        assertThat(report.receipts()).isEqualTo(9);
        assertThat(report.stateProofs()).isEqualTo(2);
        assertThat(report.headerOnly()).isZero();
        // the node's raw objects carry members no root commits to: listed, never called verified
        assertThat(report.unproven()).contains("transaction.from", "receipt.contractAddress", "receipt.from",
                "receipt.effectiveGasPrice", "transaction.gasPrice");
        assertThat(report.toString()).contains("unproven, not verified").contains("transaction.from");
    }

    @Test
    void theCheckpointIsProvenByItsPinnedHashAloneLaterBlocksByTheForkRule() {
        Map<String, Object> genesis = transcript();
        Map<String, Object> block0 = block(genesis, 0);
        assertThat(block0).containsKeys("blobGasUsed", "excessBlobGas").doesNotContainKey("withdrawalsRoot");
        block0.remove("blobGasUsed");
        block0.remove("excessBlobGas");
        assertFailure(genesis, ReasonCode.HASH_MISMATCH, "chain", 0L);

        Map<String, Object> later = transcript();
        Map<String, Object> block1 = block(later, 1);
        block1.put("blobGasUsed", "0x0");
        block1.put("excessBlobGas", "0x0");
        block1.put("hash", HeaderHasher.ETHEREUM.hash(RpcHeaderParser.parseCheckpoint(block1).header()).toHex());
        assertFailure(later, ReasonCode.IMPOSSIBLE_FIELD_COMBINATION, "header", 1L);
    }

    /** The portal's side of the one anchoring rule: block 1 links to the pinned genesis hash, no header needed. */
    @Test
    void theFirstBlockLinksToTheAnchorByHashAlone() {
        var chain = new org.custos.verify.chain.HashChainVerifier(HeaderHasher.ETHEREUM);
        var block1 = RpcHeaderParser.parse(block(transcript(), 1));
        var genesis = org.custos.verify.Bytes.fromHex(GENESIS);
        assertThat(chain.verifyChildOfAnchor(java.math.BigInteger.ZERO, genesis, block1).verified()).isTrue();
        assertThat(chain.verifyChildOfAnchor(java.math.BigInteger.ONE, genesis, block1).reason())
                .isEqualTo(ReasonCode.NUMBER_GAP);
        assertThat(chain.verifyChildOfAnchor(java.math.BigInteger.ZERO, org.custos.verify.Bytes.of(new byte[32]),
                block1).reason()).isEqualTo(ReasonCode.PARENT_MISMATCH);
        var lying = new org.custos.verify.chain.ClaimedHeader(block1.header(), genesis);
        assertThat(chain.verifyChildOfAnchor(java.math.BigInteger.ZERO, genesis, lying).reason())
                .isEqualTo(ReasonCode.HASH_MISMATCH);
    }

    @Test
    void aBlockWithoutTransactionListIsHeaderOnlyAndSaysSo() {
        Map<String, Object> t = transcript();
        block(t, TX_BLOCK).remove("transactions");
        EvidenceReport report = TranscriptVerifier.verify(t);
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.headerOnly()).isEqualTo(1);
        assertThat(report.transactions()).isEqualTo(8);
        assertThat(report.toString()).contains("1 blocks header only");
    }

    static List<TranscriptMutations.Lie> lies() {
        return TranscriptMutations.of(transcript(), TX_BLOCK, LOG_BLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lies")
    void everyLieIsNamedWithItsReasonAndBlock(TranscriptMutations.Lie lie) {
        EvidenceReport report = TranscriptVerifier.verify(Json.object(Json.parse(Json.write(lie.transcript()))));
        if (lie.expected() == null) {
            assertThat(report.verified()).as(report.toString()).isTrue();
            assertThat(report.unproven()).contains(lie.unproven());
            return;
        }
        assertThat(report.verified()).as(report.toString()).isFalse();
        assertThat(report.result().reason()).as(report.toString()).isEqualTo(lie.expected());
        assertThat(report.check()).as(report.toString()).isEqualTo(lie.check());
        assertThat(report.block()).as(report.toString()).isEqualTo(lie.block());
        assertThat(report.blocks()).as(report.toString()).isEqualTo(lie.verifiedBefore());
        assertThat(report.toString()).startsWith("FAILED at block " + lie.block() + ",");
    }

    @Test
    void theGeneratorCoversTheIssuesLies() {
        assertThat(lies()).extracting(TranscriptMutations.Lie::name).contains("tx-value-changed-null-appended",
                "tx-to-changed-null-appended", "tx-input-changed-null-appended", "txs-replaced-by-nulls",
                "txs-replaced-by-fake-hashes", "txs-replaced-by-nothing", "proof-for-another-account",
                "storageProof-emptied", "storageProof-removed", "tx-from-changed", "receipt-gasUsed-changed",
                "log-logIndex-changed", "receipt-transactionIndex-changed", "receipt-blockHash-changed",
                "receipt-blockNumber-changed", "receipt-contractAddress-changed", "log-removed-true",
                "number-changed-claimed-hash-kept", "block-served-for-wrong-number", "block-duplicated");
    }

    @Test
    void aRewrittenAndReanchoredTranscriptIsOnlySelfConsistent() {
        Map<String, Object> rewritten = TranscriptMutations.rewrittenAndReanchored(transcript(), TX_BLOCK);
        EvidenceReport report = TranscriptVerifier.verify(rewritten);
        assertThat(report.verified()).as(report.toString()).isTrue();
        Object anchor = Json.object(Json.object(rewritten.get("chain")).get("checkpoint")).get("hash");
        assertThat(anchor).isNotEqualTo(block(transcript(), TX_BLOCK).get("hash"));
    }

    @Test
    void nullBodyElementsAreMalformedNeverANullPointer() {
        var header = RpcHeaderParser.parse(block(transcript(), TX_BLOCK)).header();
        List<Map<String, ?>> withNull = new ArrayList<>(Arrays.asList((Map<String, ?>) null));
        assertThatThrownBy(() -> BlockBodyVerifier.verifyTransactions(header, withNull))
                .isInstanceOf(RpcFormatException.class).hasMessageContaining("transactions[0]");
        assertThatThrownBy(() -> BlockBodyVerifier.verifyWithdrawals(
                RpcHeaderParser.parse(Json.object(org.custos.verify.testing.Json.resource(
                        "vectors/ethereum-blocks/mainnet-21925176-cancun/block.json"))).header(), withNull))
                .isInstanceOf(RpcFormatException.class).hasMessageContaining("withdrawals[0]");
        assertThatThrownBy(() -> BlockBodyVerifier.verifyReceipts(header, withNull))
                .isInstanceOf(RpcFormatException.class).hasMessageContaining("receipts[0]");
        Map<String, Object> stringLog = transcript();
        ((List<Object>) Json.object(((List<?>) Json.object(((List<?>) stringLog.get("blocks")).get(LOG_BLOCK))
                .get("receipts")).get(0)).get("logs")).set(0, "a log");
        assertFailure(stringLog, ReasonCode.MALFORMED_FIELD, "body", (long) LOG_BLOCK);
    }

    private static void assertFailure(Map<String, Object> t, ReasonCode reason, String check, Long block) {
        EvidenceReport report = TranscriptVerifier.verify(t);
        assertThat(report.verified()).as(report.toString()).isFalse();
        assertThat(report.result().reason()).as(report.toString()).isEqualTo(reason);
        assertThat(report.check()).as(report.toString()).isEqualTo(check);
        assertThat(report.block()).as(report.toString()).isEqualTo(block);
    }

    static Map<String, Object> block(Map<String, Object> t, int n) {
        return Json.object(Json.object(((List<?>) t.get("blocks")).get(n)).get("block"));
    }

    /** The vector as a transcript anchored at the demo genesis (a fresh mutable copy each time). */
    static Map<String, Object> transcript() {
        Map<String, Object> vector = Json.object(Json.parse(Json.write(
                org.custos.verify.testing.Json.resource(VECTOR))));
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("chainId", vector.get("chainId"));
        chain.put("consensus", "dev");
        chain.put("checkpoint", new LinkedHashMap<>(Map.of("number", "0x0", "hash", GENESIS)));
        chain.put("validators", List.of());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", TranscriptVerifier.VERSION);
        t.put("chain", chain);
        t.put("blocks", vector.get("blocks"));
        t.put("events", new ArrayList<>());
        t.put("stateProofs", vector.get("stateProofs"));
        t.put("merkleProofs", new ArrayList<>());
        return t;
    }
}
