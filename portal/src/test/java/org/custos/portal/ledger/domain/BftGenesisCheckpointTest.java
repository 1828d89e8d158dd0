package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.ledger.domain.BatchVerifierBftTest.FOUR;
import static org.custos.portal.ledger.domain.BatchVerifierBftTest.OUTSIDER;
import static org.custos.portal.ledger.domain.BatchVerifierBftTest.V1;
import static org.custos.portal.ledger.domain.BatchVerifierBftTest.V2;
import static org.custos.portal.ledger.domain.BatchVerifierBftTest.V3;
import static org.custos.portal.ledger.domain.BatchVerifierBftTest.V4;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.custos.portal.ledger.testing.BftTestChain;
import org.custos.portal.ledger.testing.BftTestChain.Spec;
import org.custos.verify.Bytes;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.ECKeyPair;

/**
 * The portal pinned at the genesis of a real Besu QBFT / IBFT 2.0 network (issue 13 A1): the genesis lists the
 * validators in the order its operator wrote them (Besu does not validate the genesis header; from block 1 it lists
 * them ascending). No real genesis with an unsorted list is among the project's vectors, so it is built here with
 * the test keys. {@link BftReplay} compares the pinned set with the checkpoint's list as a set (same members, each
 * once); {@link BftSeals} keeps the ascending rule for every later block (one rule with ledger-verifier's
 * {@code SealedChainVerifier}: {@code BftBlockVerifier}).
 */
class BftGenesisCheckpointTest {

    /** The four validators in an order that is not ascending, as an operator may write them. */
    private static List<ECKeyPair> operatorOrder() {
        List<ECKeyPair> keys = new ArrayList<>(FOUR);
        keys.sort((a, b) -> ValidatorSetTracker.ADDRESS_ORDER.compare(BftTestChain.address(b),
                BftTestChain.address(a)));
        return keys;
    }

    private static BftTestChain chain(BftVariant variant, List<ECKeyPair> genesisListing) {
        BftTestChain chain = BftTestChain.withGenesisListing(variant, genesisListing);
        chain.append(Spec.of(FOUR)).append(Spec.of(FOUR).proposer(V2)).append(Spec.of(FOUR).proposer(V3).round(1))
                .append(Spec.of(FOUR).proposer(V4));
        return chain;
    }

    /** Pinned as configured: the genesis hash and the four validators (configured in yet another order). */
    private static BatchVerifier verifier(BftVariant variant, BftTestChain chain) {
        return new BatchVerifier(BatchVerifierBftTest.settings(variant, chain, List.of(V2, V4, V1, V3), 10));
    }

    private static BatchVerifier.Failure replayGenesis(BatchVerifier verifier, BftTestChain chain) {
        return verifier.replay(0, chain.hash(0), List.of(chain.json(0)), n -> Optional.empty(), null);
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aGenesisListingTheValidatorsUnsortedIsAcceptedAndTheChainSyncsFromIt(BftVariant variant) {
        List<ECKeyPair> listed = operatorOrder();
        BftTestChain chain = chain(variant, listed);
        List<Bytes> genesisList = variant.decode(RpcHeaderParser.parse(chain.json(0)).header()
                .get(HeaderField.EXTRA_DATA)).validators();
        assertThat(BftTestChain.addresses(listed)).isNotEqualTo(BatchVerifierBftTest.sorted(FOUR));
        assertThat(genesisList).containsExactlyElementsOf(listed.stream().map(BftTestChain::address).toList());

        BatchVerifier verifier = verifier(variant, chain);
        assertThat(replayGenesis(verifier, chain)).isNull();
        BatchVerifier.Outcome o = verifier.verify(0, chain.hash(0), chain.rpcBlocks(1, 4), Instant.EPOCH);
        assertThat(o.failure()).isNull();
        assertThat(o.blocks()).extracting(VerifiedBlock::getNumber).containsExactly(1L, 2L, 3L, 4L);
        assertThat(o.blocks().get(3).getValidatorsAfter()).isEqualTo(BatchVerifierBftTest.sorted(FOUR));
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aGenesisListingAValidatorTwiceIsRefusedAtBlockZero(BftVariant variant) {
        List<ECKeyPair> listed = operatorOrder();
        listed.add(listed.get(1));
        BftTestChain chain = chain(variant, listed);
        BatchVerifier.Failure f = replayGenesis(verifier(variant, chain), chain);
        assertCheckpointRefused(f);
        assertThat(f.actual()).contains("listed more than once [" + BftTestChain.address(listed.get(1)) + "]");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aGenesisMissingAPinnedValidatorIsRefusedAtBlockZero(BftVariant variant) {
        List<ECKeyPair> listed = operatorOrder();
        ECKeyPair dropped = listed.remove(0);
        BftTestChain chain = chain(variant, listed);
        BatchVerifier.Failure f = replayGenesis(verifier(variant, chain), chain);
        assertCheckpointRefused(f);
        assertThat(f.actual()).contains("missing [" + BftTestChain.address(dropped) + "]");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aGenesisListingAnUnpinnedValidatorIsRefusedAtBlockZero(BftVariant variant) {
        List<ECKeyPair> listed = operatorOrder();
        listed.add(2, OUTSIDER);
        BftTestChain chain = chain(variant, listed);
        BatchVerifier.Failure f = replayGenesis(verifier(variant, chain), chain);
        assertCheckpointRefused(f);
        assertThat(f.actual()).contains("not pinned [" + BftTestChain.address(OUTSIDER) + "]");
    }

    private static void assertCheckpointRefused(BatchVerifier.Failure f) {
        assertThat(f).isNotNull();
        assertThat(f.block()).isZero();
        assertThat(f.check()).isEqualTo("checkpoint");
        assertThat(f.reason()).isEqualTo("VALIDATOR_SET_MISMATCH");
        assertThat(f.subject()).isEqualTo("block 0 validators (" + LedgerSettings.VALIDATORS + ")");
        assertThat(f.expected()).contains("each once, in any order");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void fromBlockOneAnUnsortedListIsStillRefused(BftVariant variant) {
        List<ECKeyPair> listed = operatorOrder();
        BftTestChain chain = BftTestChain.withGenesisListing(variant, listed);
        chain.append(Spec.of(FOUR)).append(Spec.of(listed).proposer(V2).signers(FOUR).unsorted())
                .append(Spec.of(FOUR));
        BatchVerifier verifier = verifier(variant, chain);
        assertThat(replayGenesis(verifier, chain)).isNull();
        BatchVerifier.Outcome o = verifier.verify(0, chain.hash(0), chain.rpcBlocks(1, 3), Instant.EPOCH);
        assertThat(o.blocks()).extracting(VerifiedBlock::getNumber).containsExactly(1L);
        assertThat(o.failure().block()).isEqualTo(2);
        assertThat(o.failure().check()).isEqualTo("seal");
        assertThat(o.failure().reason()).isEqualTo("VALIDATOR_SET_MISMATCH");
        assertThat(o.failure().subject()).isEqualTo("block 2 validators");
    }

    @Test
    void theSealCheckAndTheChainVerifierGiveTheSameVerdictForAnUnsortedBlock() {
        List<ECKeyPair> listed = operatorOrder();
        BftTestChain chain = new BftTestChain(BftVariant.QBFT, FOUR).append(Spec.of(listed).unsorted());
        SortedSet<Bytes> set = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
        FOUR.forEach(k -> set.add(BftTestChain.address(k)));
        var header = RpcHeaderParser.parse(chain.json(1)).header();
        BftSeals.Checked checked = new BftSeals(BftVariant.QBFT).check(header, set);
        assertThat(checked.result()).isEqualTo(new org.custos.verify.consensus.BftBlockVerifier(BftVariant.QBFT)
                .verify(header, set));
        assertThat(checked.result().reason().name()).isEqualTo("VALIDATOR_SET_MISMATCH");
        assertThat(checked.sealers()).isEmpty();
    }
}
