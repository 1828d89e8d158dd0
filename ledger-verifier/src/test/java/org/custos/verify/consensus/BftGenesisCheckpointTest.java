package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.verify.consensus.SyntheticQbftChains.k;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.testing.BftBlocks;
import org.custos.verify.testing.BftChainBuilder;
import org.custos.verify.testing.HeaderRlp;
import org.custos.verify.testing.Json;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A chain anchored at its genesis as a real Besu QBFT / IBFT 2.0 network is (issue 13 A1): the genesis lists the
 * validators in the order its operator wrote them (Besu does not validate the genesis header), and from block 1
 * Besu lists them ascending. No real genesis with an unsorted list is among the project's vectors, so the genesis
 * is built here with the test keys, listing them unsorted.
 */
class BftGenesisCheckpointTest {

    /** The four test validators; the genesis lists them in this order, which is not ascending. */
    private static final List<BigInteger> KEYS = List.of(k(0), k(1), k(2), k(3));

    private static List<Bytes> operatorOrder() {
        List<Bytes> listed = new ArrayList<>(BftChainBuilder.addresses(KEYS));
        listed.sort(ValidatorSetTracker.ADDRESS_ORDER.reversed());
        return listed;
    }

    private static List<Bytes> ascending(List<Bytes> addresses) {
        List<Bytes> sorted = new ArrayList<>(addresses);
        sorted.sort(ValidatorSetTracker.ADDRESS_ORDER);
        return sorted;
    }

    private static SortedSet<Bytes> ascendingSet(List<Bytes> addresses) {
        SortedSet<Bytes> set = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
        set.addAll(addresses);
        return set;
    }

    private static Set<Bytes> pinned() {
        return Set.copyOf(BftChainBuilder.addresses(KEYS));
    }

    /** Genesis listing {@code genesisListing}, then blocks 1..6 listing the set ascending, sealed by all four. */
    private static List<ClaimedHeader> chain(BftVariant variant, List<Bytes> genesisListing) {
        BftChainBuilder chain = BftChainBuilder.withGenesisListing(variant, genesisListing);
        for (int n = 1; n <= 6; n++) {
            chain.add(KEYS.get(n % 4), Optional.empty(), n % 2, BftChainBuilder.addresses(KEYS), KEYS);
        }
        return chain.headers();
    }

    private static SegmentVerdict fromGenesis(BftVariant variant, List<ClaimedHeader> chain) {
        return SealedChainVerifier.bft(variant, 30_000, pinned()).verify(chain.get(0).claimedHash(), chain);
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void genesisListingTheSetUnsortedVerifiesWithTheSameSetPinned(BftVariant variant) {
        List<Bytes> listed = operatorOrder();
        List<ClaimedHeader> chain = chain(variant, listed);
        assertThat(variant.decode(chain.get(0).header().get(HeaderField.EXTRA_DATA)).validators())
                .containsExactlyElementsOf(listed).isNotEqualTo(ascending(listed));

        SegmentVerdict verdict = fromGenesis(variant, chain);
        assertThat(verdict.result().toString()).isEqualTo("VERIFIED");
        assertThat(verdict.finalityChecked()).isTrue();

        // the tracker starts from the genesis set and gives it ascending for block 1
        ValidatorSetTracker tracker = new ValidatorSetTracker(variant, 30_000, chain.get(0).header(), listed);
        assertThat(tracker.validators()).containsExactlyElementsOf(ascending(listed));
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void genesisListingAValidatorTwiceIsRefusedAtBlockZero(BftVariant variant) {
        List<Bytes> listed = operatorOrder();
        listed.add(listed.get(1));
        VerificationResult result = fromGenesis(variant, chain(variant, listed)).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 0 validators");
        assertThat(result.expected()).contains("each once, in any order");
        assertThat(result.actual()).contains("listed more than once [" + listed.get(1) + "]")
                .doesNotContain("missing").doesNotContain("not pinned");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void genesisMissingAPinnedValidatorIsRefusedAtBlockZero(BftVariant variant) {
        List<Bytes> listed = operatorOrder();
        Bytes dropped = listed.remove(2);
        VerificationResult result = fromGenesis(variant, chain(variant, listed)).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 0 validators");
        assertThat(result.actual()).contains("missing [" + dropped + "]");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void genesisListingAnUnpinnedValidatorIsRefusedAtBlockZero(BftVariant variant) {
        List<Bytes> listed = operatorOrder();
        Bytes outsider = TestKeys.address(SyntheticQbftChains.OUTSIDER);
        listed.add(0, outsider);
        VerificationResult result = fromGenesis(variant, chain(variant, listed)).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 0 validators");
        assertThat(result.actual()).contains("not pinned [" + outsider + "]").doesNotContain("missing");
    }

    @Test
    void aDuplicateHidingAMissingValidatorIsRefused() {
        List<Bytes> listed = operatorOrder();
        Bytes dropped = listed.get(3);
        listed.set(3, listed.get(0));   // four entries, three members
        VerificationResult result = fromGenesis(BftVariant.QBFT, chain(BftVariant.QBFT, listed)).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.actual()).contains("missing [" + dropped + "]")
                .contains("listed more than once [" + listed.get(0) + "]");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void fromBlockOneTheListMustStillBeAscending(BftVariant variant) {
        List<Bytes> unsorted = operatorOrder();
        BftChainBuilder chain = BftChainBuilder.withGenesisListing(variant, unsorted);
        chain.add(k(1), Optional.empty(), 0, BftChainBuilder.addresses(KEYS), KEYS);
        List<ClaimedHeader> headers = new ArrayList<>(chain.headers());
        // block 2: the same set, listed in the genesis's order, validly sealed by all four
        Bytes extra = BftBlocks.extraDataAsListed(variant, unsorted, Optional.empty(), 0, List.of());
        BlockHeader block2 = BftBlocks.seal(variant, BftBlocks.header(headers.get(1).claimedHash(), 2,
                TestKeys.address(k(2)), extra), KEYS);
        headers.add(BftBlocks.claim(variant, block2));

        VerificationResult result = fromGenesis(variant, headers).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 2 validators");
        assertThat(result.expected()).isEqualTo(BftBlockVerifier.format(ascending(unsorted)));
        assertThat(result.actual()).isEqualTo(BftBlockVerifier.format(unsorted));
        assertThat(fromGenesis(variant, headers.subList(0, 2)).verified()).isTrue();
    }

    @Test
    void theBlockRuleItselfRefusesAnUnsortedListThatTheCheckpointRuleAccepts() {
        List<Bytes> unsorted = operatorOrder();
        Bytes extra = BftBlocks.extraDataAsListed(BftVariant.QBFT, unsorted, Optional.empty(), 0, List.of());
        BlockHeader header = BftBlocks.seal(BftVariant.QBFT, BftBlocks.header(Bytes.of(new byte[32]), 1,
                TestKeys.address(k(0)), extra), KEYS);
        assertThat(BftBlockVerifier.verifyCheckpoint(BftVariant.QBFT, header, pinned()).verified()).isTrue();
        assertThat(new BftBlockVerifier(BftVariant.QBFT).verify(header, ascendingSet(unsorted)).reason())
                .isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
    }

    @Test
    void aRealBesuQbftBlockListsItsSetAscendingAndPassesBothRules() {
        // besu-qbft-elc block 7528 (vectors README): a block Besu built, 4 validators, 3 commit seals
        Map<String, Object> v = Json.object(Json.resource("vectors/qbft-besu-qbft-elc/block7528.json"));
        BlockHeader header = HeaderRlp.decode((String) v.get("headerRlpWithSeals"));
        List<Bytes> listed = BftVariant.QBFT.decode(header.get(HeaderField.EXTRA_DATA)).validators();
        assertThat(listed).hasSize(4).isEqualTo(ascending(listed));
        assertThat(new BftBlockVerifier(BftVariant.QBFT).verify(header, ascendingSet(listed)).verified()).isTrue();
        List<Bytes> reversed = new ArrayList<>(listed);
        java.util.Collections.reverse(reversed);
        assertThat(BftBlockVerifier.verifyCheckpoint(BftVariant.QBFT, header, Set.copyOf(reversed)).verified())
                .isTrue();
        assertThat(BftBlockVerifier.verifyCheckpoint(BftVariant.QBFT, header, Set.copyOf(listed.subList(0, 3)))
                .actual()).contains("not pinned [" + listed.get(3) + "]");
    }
}
