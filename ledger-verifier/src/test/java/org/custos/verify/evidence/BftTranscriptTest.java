package org.custos.verify.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.testing.BftChainBuilder;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Header-only transcripts of a synthetic QBFT chain signed in the test (4 validators): the transcript path uses
 * the pinned consensus and validator set exactly as {@code SealedChainVerifier} does.
 */
class BftTranscriptTest {

    private static final List<BigInteger> KEYS = List.of(TestKeys.key(0), TestKeys.key(1), TestKeys.key(2),
            TestKeys.key(3));

    @Test
    void sealedQbftChainVerifiesWithItsPinnedSet() {
        EvidenceReport report = TranscriptVerifier.verify(transcript("qbft", BftChainBuilder.addresses(KEYS), chain(3)));
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.blocks()).isEqualTo(7);
        assertThat(report.scope()).contains("QBFT");
    }

    @Test
    void tooFewSealsWrongSetOrWrongProtocolAreRejected() {
        EvidenceReport weak = TranscriptVerifier.verify(transcript("qbft", BftChainBuilder.addresses(KEYS), chain(2)));
        assertThat(weak.result().reason()).isEqualTo(ReasonCode.QUORUM_NOT_REACHED);
        assertThat(weak.block()).isEqualTo(1L);
        assertThat(weak.check()).isEqualTo("chain");

        EvidenceReport wrongSet = TranscriptVerifier.verify(transcript("qbft",
                BftChainBuilder.addresses(KEYS.subList(0, 3)), chain(3)));
        assertThat(wrongSet.result().reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);

        EvidenceReport ibft = TranscriptVerifier.verify(transcript("ibft2", BftChainBuilder.addresses(KEYS), chain(3)));
        assertThat(ibft.verified()).isFalse();
    }

    /** 1c: the report states the set at the checkpoint, at the last block, and where it changed (votes replayed). */
    @Test
    void theReportStatesTheValidatorSetsAndWhereTheyChanged() {
        BigInteger newcomer = TestKeys.key(4);
        List<BigInteger> five = new ArrayList<>(KEYS);
        five.add(newcomer);
        BftChainBuilder builder = new BftChainBuilder(BftVariant.QBFT, KEYS);
        for (int n = 1; n <= 3; n++) {
            builder.add(KEYS.get(n), Optional.of(new org.custos.verify.consensus.BftVote(TestKeys.address(newcomer),
                    true)), 0, BftChainBuilder.addresses(KEYS), KEYS.subList(0, 3));
        }
        List<Bytes> fiveSorted = BftChainBuilder.addresses(five).stream()
                .sorted(org.custos.verify.consensus.ValidatorSetTracker.ADDRESS_ORDER).toList();
        for (int n = 4; n <= 5; n++) {
            builder.add(KEYS.get(0), Optional.empty(), 0, fiveSorted, KEYS);
        }
        EvidenceReport report = TranscriptVerifier.verify(transcript("qbft", BftChainBuilder.addresses(KEYS),
                builder.headers()));
        assertThat(report.verified()).as(report.toString()).isTrue();
        var history = report.validators();
        assertThat(history.checkpoint()).isZero();
        assertThat(history.atCheckpoint()).containsExactlyInAnyOrderElementsOf(BftChainBuilder.addresses(KEYS));
        assertThat(history.lastBlock()).isEqualTo(5);
        assertThat(history.atLastBlock()).containsExactlyElementsOf(fiveSorted);
        assertThat(history.changes()).singleElement().satisfies(c -> {
            assertThat(c.block()).isEqualTo(4);
            assertThat(c.validators()).containsExactlyElementsOf(fiveSorted);
        });
        assertThat(report.toString()).contains("validators at checkpoint block 0", "at last block 5",
                "changed at block 4");

        EvidenceReport unchanged = TranscriptVerifier.verify(transcript("qbft", BftChainBuilder.addresses(KEYS),
                chain(3)));
        assertThat(unchanged.validators().changes()).isEmpty();
        assertThat(unchanged.validators().lastBlock()).isEqualTo(6);
        assertThat(unchanged.toString()).contains("no change");
    }

    private static List<ClaimedHeader> chain(int sealers) {
        BftChainBuilder builder = new BftChainBuilder(BftVariant.QBFT, KEYS);
        for (int n = 1; n <= 6; n++) {
            builder.add(KEYS.get(n % 4), Optional.empty(), 0, BftChainBuilder.addresses(KEYS),
                    KEYS.subList(0, sealers));
        }
        return builder.headers();
    }

    private static Map<String, Object> transcript(String consensus, List<Bytes> validators,
                                                  List<ClaimedHeader> headers) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", TranscriptVerifier.VERSION);
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("consensus", consensus);
        chain.put("checkpoint", Map.of("number", "0x0", "hash", headers.get(0).claimedHash().toHex()));
        chain.put("validators", validators.stream().map(Bytes::toHex).toList());
        chain.put("epochLength", "0x7530");
        t.put("chain", chain);
        List<Object> blocks = new ArrayList<>();
        for (ClaimedHeader claimed : headers) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("hash", claimed.claimedHash().toHex());
            for (HeaderField field : HeaderField.values()) {
                Bytes value = claimed.header().get(field);
                if (value != null) {
                    block.put(field.jsonName(), RpcHeaderParser.format(field, value));
                }
            }
            blocks.add(Map.of("block", block));
        }
        t.put("blocks", blocks);
        return t;
    }
}
