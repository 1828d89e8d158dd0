package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.testing.BftTestChain;
import org.custos.portal.ledger.testing.BftTestChain.Spec;
import org.custos.verify.Bytes;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.ECKeyPair;

/**
 * QBFT and IBFT 2.0 in the portal's batch verifier, on chains built and sealed in the test with test validator keys
 * (no Besu node runs here and anvil cannot produce BFT blocks; real Besu blocks are checked in
 * {@link BftSealsRealBlocksTest}): the validator set is replayed from the pinned checkpoint across batches and
 * after a restart, the signing validators are recorded, and each tampering stops the batch at the tampered block
 * with the reason of ledger-verifier's rules, keeping only the blocks before it.
 */
public class BatchVerifierBftTest {

    public static final ECKeyPair V1 = BftTestChain.key(0xB1);
    public static final ECKeyPair V2 = BftTestChain.key(0xB2);
    public static final ECKeyPair V3 = BftTestChain.key(0xB3);
    public static final ECKeyPair V4 = BftTestChain.key(0xB4);
    public static final ECKeyPair V5 = BftTestChain.key(0xB5);
    public static final ECKeyPair OUTSIDER = BftTestChain.key(0xBAD);
    public static final List<ECKeyPair> FOUR = List.of(V1, V2, V3, V4);
    public static final List<ECKeyPair> FIVE = List.of(V1, V2, V3, V4, V5);

    public static Map<String, String> config(BftVariant variant, BftTestChain chain, List<ECKeyPair> validators, int batch) {
        Map<String, String> c = new HashMap<>();
        c.put("custos.ledger.urls", "http://node:8545");
        c.put("custos.ledger.checkpoint", "0:" + chain.hash(0));
        c.put("custos.ledger.consensus", variant.name());
        c.put("custos.ledger.validators", BftTestChain.addresses(validators));
        c.put("custos.ledger.epoch-length", "100");
        c.put("custos.ledger.sync.batch-size", Integer.toString(batch));
        c.put("custos.ledger.contracts.registry", "0x" + "11".repeat(20));
        c.put("custos.ledger.contracts.records", "0x" + "22".repeat(20));
        c.put("custos.ledger.contracts.accountability", "0x" + "33".repeat(20));
        return c;
    }

    static LedgerSettings settings(BftVariant variant, BftTestChain chain, List<ECKeyPair> validators, int batch) {
        Map<String, String> c = config(variant, chain, validators, batch);
        return LedgerSettings.from(k -> Optional.ofNullable(c.get(k)));
    }

    /**
     * Blocks 1-2 plain; 3, 4, 5 proposed by V1, V2, V3 voting to add V5 (the third vote is the majority of 4), so
     * from block 6 on five validators are listed and a quorum is 4 of 5; blocks 6-8 (block 7 in round 1).
     */
    public static BftTestChain addingV5(BftVariant variant) {
        Bytes v5 = BftTestChain.address(V5);
        BftTestChain chain = new BftTestChain(variant, FOUR);
        chain.append(Spec.of(FOUR)).append(Spec.of(FOUR).proposer(V2))
                .append(Spec.of(FOUR).proposer(V1).vote(v5, true))
                .append(Spec.of(FOUR).proposer(V2).vote(v5, true))
                .append(Spec.of(FOUR).proposer(V3).vote(v5, true).signers(List.of(V4, V3, V1)))
                .append(Spec.of(FIVE).proposer(V5).signers(List.of(V5, V1, V2, V3)))
                .append(Spec.of(FIVE).proposer(V4).round(1))
                .append(Spec.of(FIVE).signers(List.of(V2, V3, V4, V5)));
        return chain;
    }

    private static BatchVerifier started(LedgerSettings settings, BftTestChain chain) {
        BatchVerifier verifier = new BatchVerifier(settings);
        assertThat(verifier.needsReplay(0, chain.hash(0))).isTrue();
        assertThat(verifier.replayStart(0)).isZero();
        assertThat(verifier.replay(0, chain.hash(0), List.of(chain.json(0)), n -> Optional.empty(), null)).isNull();
        return verifier;
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aValidatorAddedByVotesAcrossABatchBoundaryIsReplayedAndTheSignersRecorded(BftVariant variant) {
        BftTestChain chain = addingV5(variant);
        BatchVerifier verifier = started(settings(variant, chain, FOUR, 4), chain);

        BatchVerifier.Outcome first = verifier.verify(0, chain.hash(0), chain.rpcBlocks(1, 4), Instant.EPOCH);
        assertThat(first.failure()).isNull();
        assertThat(first.blocks()).hasSize(4);
        assertThat(verifier.needsReplay(4, chain.hash(4))).isFalse();
        assertThat(first.blocks().get(3).getValidatorsAfter()).isEqualTo(sorted(FOUR));

        // the third vote for V5 is in this batch, the first two were in the previous one
        BatchVerifier.Outcome second = verifier.verify(4, chain.hash(4), chain.rpcBlocks(5, 8), Instant.EPOCH);
        assertThat(second.failure()).isNull();
        assertThat(second.blocks()).extracting(VerifiedBlock::getNumber).containsExactly(5L, 6L, 7L, 8L);
        assertThat(second.blocks().get(0).getValidatorsAfter()).isEqualTo(sorted(FIVE));
        assertThat(second.blocks().get(0).getSealers()).isEqualTo(BftTestChain.addresses(List.of(V4, V3, V1)));
        assertThat(second.blocks().get(1).getSealers()).isEqualTo(BftTestChain.addresses(List.of(V5, V1, V2, V3)));
        assertThat(second.blocks().get(3).getSealers()).isEqualTo(BftTestChain.addresses(List.of(V2, V3, V4, V5)));
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void afterARestartTheSetIsReplayedFromTheCheckpointAndMustMatchTheStoredOne(BftVariant variant) {
        BftTestChain chain = addingV5(variant);
        LedgerSettings settings = settings(variant, chain, FOUR, 4);
        List<Map<String, Object>> headers = new ArrayList<>();
        for (long n = 0; n <= 5; n++) {
            headers.add(chain.json(n));
        }

        BatchVerifier restarted = new BatchVerifier(settings);
        assertThat(restarted.needsReplay(5, chain.hash(5))).isTrue();
        assertThatThrownBy(() -> restarted.verify(5, chain.hash(5), chain.rpcBlocks(6, 8), Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
        assertThat(restarted.replayStart(5)).isZero();
        assertThat(restarted.replay(5, chain.hash(5), headers, n -> Optional.of(chain.hash(n)), sorted(FIVE)))
                .isNull();
        BatchVerifier.Outcome o = restarted.verify(5, chain.hash(5), chain.rpcBlocks(6, 8), Instant.EPOCH);
        assertThat(o.failure()).isNull();
        assertThat(o.blocks()).hasSize(3);

        // a stored set that the replay does not arrive at
        BatchVerifier.Failure mismatch = new BatchVerifier(settings).replay(5, chain.hash(5), headers,
                n -> Optional.of(chain.hash(n)), sorted(FOUR));
        assertThat(mismatch.reason()).isEqualTo("VALIDATOR_SET_MISMATCH");
        assertThat(mismatch.expected()).isEqualTo(sorted(FOUR));
        assertThat(mismatch.actual()).isEqualTo(sorted(FIVE));

        // a header the node now sends differently from the verified one (block 4 without its vote)
        List<Map<String, Object>> changed = new ArrayList<>(headers);
        changed.set(4, new BftTestChain(variant, FOUR).append(Spec.of(FOUR)).append(Spec.of(FOUR).proposer(V2))
                .append(Spec.of(FOUR).proposer(V1).vote(BftTestChain.address(V5), true))
                .append(Spec.of(FOUR).proposer(V2)).json(4));
        BatchVerifier.Failure replaced = new BatchVerifier(settings).replay(5, chain.hash(5), changed,
                n -> Optional.of(chain.hash(n)), null);
        assertThat(replaced.block()).isEqualTo(4);
        assertThat(replaced.reason()).isEqualTo("HASH_MISMATCH");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aCheckpointListingOtherValidatorsThanTheConfiguredOnesIsRefused(BftVariant variant) {
        BftTestChain chain = addingV5(variant);
        BatchVerifier verifier = new BatchVerifier(settings(variant, chain, List.of(V1, V2, V3), 4));
        BatchVerifier.Failure f = verifier.replay(0, chain.hash(0), List.of(chain.json(0)), n -> Optional.empty(),
                null);
        assertThat(f.check()).isEqualTo("checkpoint");
        assertThat(f.reason()).isEqualTo("VALIDATOR_SET_MISMATCH");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aBlockThatIgnoresTheVotedChangeIsRefused(BftVariant variant) {
        Bytes v5 = BftTestChain.address(V5);
        BftTestChain chain = new BftTestChain(variant, FOUR);
        chain.append(Spec.of(FOUR).proposer(V1).vote(v5, true)).append(Spec.of(FOUR).proposer(V2).vote(v5, true))
                .append(Spec.of(FOUR).proposer(V3).vote(v5, true)).append(Spec.of(FOUR));
        BatchVerifier verifier = started(settings(variant, chain, FOUR, 10), chain);
        BatchVerifier.Outcome o = verifier.verify(0, chain.hash(0), chain.rpcBlocks(1, 4), Instant.EPOCH);
        assertThat(o.blocks()).hasSize(3);
        assertThat(o.failure().block()).isEqualTo(4);
        assertThat(o.failure().reason()).isEqualTo("VALIDATOR_SET_MISMATCH");
    }

    /** Blocks 1-2 good, block 3 as {@code bad} builds it, block 4 good on top of it. */
    private static BatchVerifier.Outcome withBadThird(BftVariant variant, Spec bad) {
        BftTestChain chain = new BftTestChain(variant, FOUR);
        chain.append(Spec.of(FOUR)).append(Spec.of(FOUR)).append(bad).append(Spec.of(FOUR));
        return started(settings(variant, chain, FOUR, 10), chain).verify(0, chain.hash(0), chain.rpcBlocks(1, 4),
                Instant.EPOCH);
    }

    private static void assertStoppedAtThird(BatchVerifier.Outcome o, String reason) {
        assertThat(o.blocks()).extracting(VerifiedBlock::getNumber).containsExactly(1L, 2L);
        assertThat(o.events()).isEmpty();
        assertThat(o.failure().block()).isEqualTo(3);
        assertThat(o.failure().reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void sealsRecoveredAheadChangeWhenTheWorkIsDoneNotWhatIsAccepted(BftVariant variant) throws Exception {
        String otherRoot = "0x" + "5e".repeat(32);
        BftTestChain good = new BftTestChain(variant, FOUR);
        good.append(Spec.of(FOUR)).append(Spec.of(FOUR)).append(Spec.of(FOUR));
        // the same chain with block 3's stateRoot changed and its hash recomputed: the same seals, another header
        BftTestChain rehashed = new BftTestChain(variant, FOUR);
        rehashed.append(Spec.of(FOUR)).append(Spec.of(FOUR)).append(Spec.of(FOUR), json -> {
            json.put("stateRoot", otherRoot);
            json.put("hash", variant.blockHasher().hash(RpcHeaderParser.parse(json).header()).toHex());
            return json;
        });
        assertThat(rehashed.hash(2)).isEqualTo(good.hash(2));

        // the honest block's seals and the changed block's recovered ahead, on another thread
        BatchVerifier verifier = started(settings(variant, rehashed, FOUR, 10), rehashed);
        Thread ahead = new Thread(() -> {
            verifier.prepare(good.rpcBlocks(1, 3));
            verifier.prepare(rehashed.rpcBlocks(1, 3));
        });
        ahead.start();
        ahead.join(10_000);
        assertThat(ahead.isAlive()).isFalse();
        BatchVerifier.Outcome o = verifier.verify(0, rehashed.hash(0), rehashed.rpcBlocks(1, 3), Instant.EPOCH);
        assertThat(o.blocks()).hasSize(2);
        assertThat(o.failure().block()).isEqualTo(3);
        assertThat(o.failure().check()).isEqualTo("seal");
        assertThat(o.failure().reason()).isIn("SEAL_BY_NON_VALIDATOR", "SEAL_UNRECOVERABLE");

        // a block below quorum, prepared, is still below quorum
        BftTestChain weak = new BftTestChain(variant, FOUR);
        weak.append(Spec.of(FOUR)).append(Spec.of(FOUR)).append(Spec.of(FOUR).signers(List.of(V1, V2)));
        BatchVerifier w = started(settings(variant, weak, FOUR, 10), weak);
        w.prepare(weak.rpcBlocks(1, 3));
        assertThat(w.verify(0, weak.hash(0), weak.rpcBlocks(1, 3), Instant.EPOCH).failure().reason())
                .isEqualTo("QUORUM_NOT_REACHED");

        // the honest chain: prepared or not, the same blocks and the same recorded signers
        BatchVerifier prepared = started(settings(variant, good, FOUR, 10), good);
        prepared.prepare(good.rpcBlocks(1, 3));
        BatchVerifier.Outcome withPrepare = prepared.verify(0, good.hash(0), good.rpcBlocks(1, 3), Instant.EPOCH);
        BatchVerifier.Outcome without = started(settings(variant, good, FOUR, 10), good).verify(0, good.hash(0),
                good.rpcBlocks(1, 3), Instant.EPOCH);
        assertThat(withPrepare.failure()).isNull();
        assertThat(withPrepare.blocks()).extracting(VerifiedBlock::contentKey)
                .isEqualTo(without.blocks().stream().map(VerifiedBlock::contentKey).toList());
        assertThat(withPrepare.blocks()).extracting(VerifiedBlock::getSealers)
                .containsOnly(BftTestChain.addresses(FOUR));
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aSealRemovedLeavesTheBlockBelowQuorum(BftVariant variant) {
        BatchVerifier.Outcome o = withBadThird(variant, Spec.of(FOUR).signers(List.of(V1, V2)));
        assertStoppedAtThird(o, "QUORUM_NOT_REACHED");
        assertThat(o.failure().check()).isEqualTo("seal");
        assertThat(o.failure().expected()).isEqualTo("3 of 4");
        assertThat(o.failure().actual()).isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aSealByANonValidatorIsRefused(BftVariant variant) {
        BatchVerifier.Outcome o = withBadThird(variant, Spec.of(FOUR).signers(List.of(V1, V2, OUTSIDER)));
        assertStoppedAtThird(o, "SEAL_BY_NON_VALIDATOR");
        assertThat(o.failure().actual()).isEqualTo(BftTestChain.address(OUTSIDER).toHex());
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aValidatorSigningTwiceIsRefused(BftVariant variant) {
        assertStoppedAtThird(withBadThird(variant, Spec.of(FOUR).signers(List.of(V1, V2, V2))),
                "DUPLICATE_COMMITTER");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aProposerOutsideTheSetIsRefused(BftVariant variant) {
        assertStoppedAtThird(withBadThird(variant, Spec.of(FOUR).proposer(OUTSIDER)), "PROPOSER_NOT_VALIDATOR");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aHeaderFieldChangedAfterSealingIsRefused(BftVariant variant) {
        String otherRoot = "0x" + "5e".repeat(32);
        // the claimed hash kept: the recomputed hash differs
        BftTestChain kept = new BftTestChain(variant, FOUR);
        kept.append(Spec.of(FOUR)).append(Spec.of(FOUR)).append(Spec.of(FOUR), json -> {
            json.put("stateRoot", otherRoot);
            return json;
        });
        BatchVerifier.Outcome o1 = started(settings(variant, kept, FOUR, 10), kept).verify(0, kept.hash(0),
                kept.rpcBlocks(1, 3), Instant.EPOCH);
        assertStoppedAtThird(o1, "HASH_MISMATCH");

        // the block hash recomputed by whoever changed it: the seals no longer sign this header
        BftTestChain rehashed = new BftTestChain(variant, FOUR);
        rehashed.append(Spec.of(FOUR)).append(Spec.of(FOUR)).append(Spec.of(FOUR), json -> {
            json.put("stateRoot", otherRoot);
            json.put("hash", variant.blockHasher().hash(RpcHeaderParser.parse(json).header()).toHex());
            return json;
        });
        BatchVerifier.Outcome o2 = started(settings(variant, rehashed, FOUR, 10), rehashed).verify(0,
                rehashed.hash(0), rehashed.rpcBlocks(1, 3), Instant.EPOCH);
        assertThat(o2.blocks()).hasSize(2);
        assertThat(o2.failure().block()).isEqualTo(3);
        assertThat(o2.failure().check()).isEqualTo("seal");
        assertThat(o2.failure().reason()).isIn("SEAL_BY_NON_VALIDATOR", "SEAL_UNRECOVERABLE");
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void theBlockPageReverifiesAStoredBlockWithoutTheReplay(BftVariant variant) {
        BftTestChain chain = addingV5(variant);
        BatchVerifier fresh = new BatchVerifier(settings(variant, chain, FOUR, 4));   // no replay done
        BatchVerifier.Outcome ok = fresh.reverifyStored(6, chain.hash(6), chain.rpcBlocks(7, 7).get(0),
                chain.hash(7), Instant.EPOCH);
        assertThat(ok.failure()).isNull();
        assertThat(ok.blocks().get(0).getSealers()).isEqualTo(BftTestChain.addresses(FIVE));
        assertThat(fresh.needsReplay(7, chain.hash(7))).isTrue();
        assertThat(fresh.blockHash(RpcHeaderParser.parse(chain.json(7)).header())).isEqualTo(chain.hash(7));

        BatchVerifier.Outcome otherHash = fresh.reverifyStored(6, chain.hash(6), chain.rpcBlocks(7, 7).get(0),
                chain.hash(8), Instant.EPOCH);
        assertThat(otherHash.failure().reason()).isEqualTo("HASH_MISMATCH");

        BftTestChain weak = new BftTestChain(variant, FOUR);
        weak.append(Spec.of(FOUR).signers(List.of(V1, V2)));
        BatchVerifier.Outcome below = new BatchVerifier(settings(variant, weak, FOUR, 4)).reverifyStored(0,
                weak.hash(0), weak.rpcBlocks(1, 1).get(0), weak.hash(1), Instant.EPOCH);
        assertThat(below.failure().reason()).isEqualTo("QUORUM_NOT_REACHED");
    }

    public static String sorted(List<ECKeyPair> keys) {
        List<ECKeyPair> copy = new ArrayList<>(keys);
        copy.sort((a, b) -> ValidatorSetTracker.ADDRESS_ORDER.compare(BftTestChain.address(a),
                BftTestChain.address(b)));
        return BftTestChain.addresses(copy);
    }
}
