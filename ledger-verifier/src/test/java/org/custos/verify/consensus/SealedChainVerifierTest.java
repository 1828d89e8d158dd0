package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.verify.consensus.SyntheticQbftChains.k;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.testing.BftBlocks;
import org.custos.verify.testing.BftChainBuilder;
import org.custos.verify.testing.Json;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Sealed chains signed in the test with known keys (see {@link SyntheticQbftChains}). */
class SealedChainVerifierTest {

    private static SegmentVerdict verify(BftVariant variant, List<ClaimedHeader> chain) {
        return SealedChainVerifier.bft(variant, SyntheticQbftChains.EPOCH, SyntheticQbftChains.initialSet())
                .verify(chain.get(0).claimedHash(), chain);
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void twentyBlocksWithAValidatorAddedAndOneRemovedVerify(BftVariant variant) {
        List<ClaimedHeader> chain = SyntheticQbftChains.build(variant).headers();
        assertThat(chain).hasSize(21);
        SegmentVerdict verdict = verify(variant, chain);
        assertThat(verdict.result().toString()).isEqualTo("VERIFIED");
        assertThat(verdict.finalityChecked()).isTrue();
        assertThat(verdict.scope()).contains(variant.toString()).contains("commit-seal quorum");
    }

    @Test
    void trackerFollowsTheVotes() {
        List<ClaimedHeader> chain = SyntheticQbftChains.build(BftVariant.QBFT).headers();
        ValidatorSetTracker tracker = new ValidatorSetTracker(BftVariant.QBFT, SyntheticQbftChains.EPOCH,
                chain.get(0).header(), SyntheticQbftChains.initialSet());
        for (int n = 1; n <= 20; n++) {
            assertThat(tracker.validators()).as("set for block %d", n)
                    .containsExactlyInAnyOrderElementsOf(BftChainBuilder.addresses(SyntheticQbftChains.keysFor(n)));
            tracker.apply(chain.get(n).header());
        }
    }

    @Test
    void sealOfTheNewValidatorBeforeItWasVotedInIsRejected() {
        BftChainBuilder chain = prefix(5);
        chain.add(k(2), Optional.empty(), 0, BftChainBuilder.addresses(SyntheticQbftChains.keysFor(6)),
                List.of(k(0), k(1), k(4)));
        var result = verify(BftVariant.QBFT, chain.headers()).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.SEAL_BY_NON_VALIDATOR);
        assertThat(result.subject()).isEqualTo("block 6 seal 2");
        assertThat(result.actual()).isEqualTo(TestKeys.address(k(4)).toHex());
    }

    @Test
    void sealOfTheRemovedValidatorIsRejectedAndTheNewSetSuffices() {
        BftChainBuilder withRemoved = prefix(15);
        withRemoved.add(k(0), Optional.empty(), 0, BftChainBuilder.addresses(SyntheticQbftChains.keysFor(16)),
                List.of(k(0), k(1), k(3), k(4)));
        var result = verify(BftVariant.QBFT, withRemoved.headers()).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.SEAL_BY_NON_VALIDATOR);
        assertThat(result.subject()).isEqualTo("block 16 seal 2");
        assertThat(result.actual()).isEqualTo(TestKeys.address(k(3)).toHex());

        BftChainBuilder newQuorum = prefix(15);   // ceil(2*4/3) = 3 of {0, 1, 2, 4}, one of them the new one
        newQuorum.add(k(0), Optional.empty(), 0, BftChainBuilder.addresses(SyntheticQbftChains.keysFor(16)),
                List.of(k(4), k(0), k(2)));
        assertThat(verify(BftVariant.QBFT, newQuorum.headers()).verified()).isTrue();
    }

    @Test
    void blockListingTheOldSetAfterASuccessfulVoteIsRejected() {
        BftChainBuilder chain = prefix(7);
        chain.add(k(0), Optional.empty(), 0, BftChainBuilder.addresses(SyntheticQbftChains.initialKeys()),
                SyntheticQbftChains.initialKeys());
        var result = verify(BftVariant.QBFT, chain.headers()).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 8 validators");
    }

    @Test
    void contractModeBlockWithEmptyValidatorListIsNotAccepted() {
        BftChainBuilder chain = new BftChainBuilder(BftVariant.QBFT, SyntheticQbftChains.initialKeys());
        chain.add(k(1), Optional.empty(), 0, List.of(), SyntheticQbftChains.initialKeys());
        var result = verify(BftVariant.QBFT, chain.headers()).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.actual()).isEqualTo("[]");
    }

    @Test
    void theBlockBeforeAnEpochBlockDiscardsVotesAndItsOwnVoteIsIgnored() {
        // epoch 10: add-votes for key 4 in blocks 7, 8 and 9; block 9 (the one before epoch block 10) resets
        Bytes candidate = TestKeys.address(k(4));
        ValidatorSetTracker tracker = new ValidatorSetTracker(BftVariant.QBFT, 10, genesis(),
                SyntheticQbftChains.initialSet());
        for (int n = 1; n <= 9; n++) {
            tracker.apply(n >= 7 ? voteBlock(n, k(n % 4), candidate, true) : voteBlock(n, k(n % 4), null, true));
        }
        assertThat(tracker.validators()).doesNotContain(candidate);
        // the same three votes without an epoch boundary add key 4
        ValidatorSetTracker noEpoch = new ValidatorSetTracker(BftVariant.QBFT, 30_000, genesis(),
                SyntheticQbftChains.initialSet());
        for (int n = 1; n <= 9; n++) {
            noEpoch.apply(n >= 7 ? voteBlock(n, k(n % 4), candidate, true) : voteBlock(n, k(n % 4), null, true));
        }
        assertThat(noEpoch.validators()).contains(candidate);
    }

    @Test
    void theEpochBlocksOwnVoteCounts() {
        // epoch 10: add-votes in blocks 10, 11 and 12 by three distinct proposers pass; block 13 must list key 4
        BftChainBuilder chain = new BftChainBuilder(BftVariant.QBFT, SyntheticQbftChains.initialKeys());
        List<Bytes> initial = BftChainBuilder.addresses(SyntheticQbftChains.initialKeys());
        for (int n = 1; n <= 13; n++) {
            Optional<BftVote> vote = n >= 10 && n <= 12
                    ? Optional.of(new BftVote(TestKeys.address(k(4)), true)) : Optional.empty();
            chain.add(k(n % 4), vote, 0, initial, SyntheticQbftChains.initialKeys());
        }
        List<ClaimedHeader> headers = chain.headers();
        var result = SealedChainVerifier.bft(BftVariant.QBFT, 10, SyntheticQbftChains.initialSet())
                .verify(headers.get(0).claimedHash(), headers).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 13 validators");
        // pinned at epoch block 10 itself (its vote applied on start), the same holds
        var fromEpoch = SealedChainVerifier.bft(BftVariant.QBFT, 10, SyntheticQbftChains.initialSet())
                .verify(headers.get(10).claimedHash(), headers.subList(10, 14)).result();
        assertThat(fromEpoch.subject()).isEqualTo("block 13 validators");
        assertThat(SealedChainVerifier.bft(BftVariant.QBFT, 10, SyntheticQbftChains.initialSet())
                .verify(headers.get(10).claimedHash(), headers.subList(10, 13)).verified()).isTrue();
    }

    @Test
    void checkpointMustListThePinnedSetAndBeAnEpochBlock() {
        List<ClaimedHeader> chain = SyntheticQbftChains.build(BftVariant.QBFT).headers();
        var result = SealedChainVerifier.bft(BftVariant.QBFT, SyntheticQbftChains.EPOCH,
                Set.copyOf(BftChainBuilder.addresses(List.of(k(0), k(1), k(2))))).verify(chain.get(0).claimedHash(), chain)
                .result();
        assertThat(result.reason()).isEqualTo(ReasonCode.VALIDATOR_SET_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 0 validators");
        assertThatThrownBy(() -> SealedChainVerifier.bft(BftVariant.QBFT, SyntheticQbftChains.EPOCH,
                SyntheticQbftChains.initialSet()).verify(chain.get(1).claimedHash(), chain.subList(1, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProposerChangingItsVoteWithdrawsTheEarlierOne() {
        ValidatorSetTracker tracker = new ValidatorSetTracker(BftVariant.QBFT, 100, genesis(),
                SyntheticQbftChains.initialSet());
        Bytes candidate = TestKeys.address(k(4));
        tracker.apply(voteBlock(1, k(0), candidate, true));
        tracker.apply(voteBlock(2, k(0), candidate, false));   // k0 withdraws its add vote
        tracker.apply(voteBlock(3, k(1), candidate, true));
        tracker.apply(voteBlock(4, k(1), candidate, true));    // repeated vote counts once
        assertThat(tracker.validators()).doesNotContain(candidate);
        tracker.apply(voteBlock(5, k(2), candidate, true));
        tracker.apply(voteBlock(6, k(3), candidate, true));    // k1, k2, k3: 3 of 4
        assertThat(tracker.validators()).contains(candidate).hasSize(5);
        assertThat(tracker.lastApplied()).isEqualTo(6);
    }

    @Test
    void checkpointMustHashToThePinnedValue() {
        List<ClaimedHeader> chain = SyntheticQbftChains.build(BftVariant.QBFT).headers();
        var result = SealedChainVerifier.bft(BftVariant.QBFT, SyntheticQbftChains.EPOCH,
                SyntheticQbftChains.initialSet()).verify(chain.get(1).claimedHash(), chain).result();
        assertThat(result.reason()).isEqualTo(ReasonCode.CHECKPOINT_MISMATCH);
        assertThat(result.subject()).isEqualTo("block 0");
    }

    @Test
    void devChainIsHashChainOnlyAndSaysSo() {
        Map<String, Object> block = new LinkedHashMap<>(Json.object(Json.resource(
                "vectors/ethereum-blocks/mainnet-21925176-cancun/block.json")));
        ClaimedHeader header = RpcHeaderParser.parse(block);
        SegmentVerdict verdict = SealedChainVerifier.hashChainOnly(HeaderHasher.ETHEREUM)
                .verify(header.claimedHash(), List.of(header));
        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.finalityChecked()).isFalse();
        assertThat(verdict.scope()).isEqualTo("no finality proof: hash chain only");
    }

    @Test
    void cliqueChainNeedsAuthorisedSigners() {
        BigInteger signer = k(20);
        List<ClaimedHeader> chain = new ArrayList<>();
        Bytes parent = Bytes.of(new byte[32]);
        for (int n = 0; n <= 3; n++) {
            BlockHeader unsealed = BftBlocks.header(parent, n, Bytes.of(new byte[20]), Bytes.of(new byte[32]));
            byte[] seal = TestKeys.sign(Hashes.keccak256(unsealed.rlp()), n == 3 ? k(21) : signer);
            byte[] extra = Arrays.copyOf(new byte[32], 97);
            System.arraycopy(seal, 0, extra, 32, 65);
            BlockHeader sealed = unsealed.with(HeaderField.EXTRA_DATA, Bytes.of(extra));
            ClaimedHeader claimed = new ClaimedHeader(sealed, HeaderHasher.ETHEREUM.hash(sealed));
            chain.add(claimed);
            parent = claimed.claimedHash();
        }
        SealedChainVerifier verifier = SealedChainVerifier.clique(Set.of(TestKeys.address(signer)));
        assertThat(verifier.verify(chain.get(0).claimedHash(), chain.subList(0, 3)).verified()).isTrue();
        SegmentVerdict verdict = verifier.verify(chain.get(0).claimedHash(), chain);
        assertThat(verdict.result().reason()).isEqualTo(ReasonCode.SEAL_BY_NON_VALIDATOR);
        assertThat(verdict.result().subject()).isEqualTo("block 3 clique seal");
        assertThat(verdict.finalityChecked()).isTrue();
    }

    private static BftChainBuilder prefix(int length) {
        BftChainBuilder full = SyntheticQbftChains.build(BftVariant.QBFT);
        BftChainBuilder chain = new BftChainBuilder(BftVariant.QBFT, SyntheticQbftChains.initialKeys());
        for (int n = 1; n <= length; n++) {
            BlockHeader h = full.headers().get(n).header();
            BftExtraData extra = BftVariant.QBFT.decode(h.get(HeaderField.EXTRA_DATA));
            BigInteger proposer = SyntheticQbftChains.keysFor(n).stream()
                    .filter(key -> TestKeys.address(key).equals(h.get(HeaderField.BENEFICIARY))).findFirst().orElseThrow();
            chain.add(proposer, extra.vote(), extra.round(), extra.validators(), full.sealersOf(n));
        }
        return chain;
    }

    private static BlockHeader genesis() {
        return SyntheticQbftChains.build(BftVariant.QBFT).headers().get(0).header();
    }

    /** An unsealed header with a vote (none if {@code recipient} is null); enough for the tracker. */
    private static BlockHeader voteBlock(long n, BigInteger proposer, Bytes recipient, boolean add) {
        Bytes extra = BftBlocks.extraData(BftVariant.QBFT, BftChainBuilder.addresses(SyntheticQbftChains.initialKeys()),
                Optional.ofNullable(recipient).map(r -> new BftVote(r, add)), 0, List.of());
        return BftBlocks.header(Bytes.of(new byte[32]), n, TestKeys.address(proposer), extra);
    }
}
