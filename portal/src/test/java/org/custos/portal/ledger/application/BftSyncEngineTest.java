package org.custos.portal.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custos.portal.ledger.domain.BatchVerifierBftTest;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.testing.BftTestChain;
import org.custos.portal.ledger.testing.BftTestChain.Spec;
import org.custos.portal.ledger.testing.TestStore;
import org.custos.verify.consensus.BftVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.ECKeyPair;

/**
 * The sync engine on QBFT / IBFT 2.0 chains built in the test (served in memory), storing into the portal's real
 * store on H2: the validator set change is carried across batches (batch size 3), survives a restart (a new engine
 * on the same database replays from the checkpoint and must arrive at the stored set), and a block below quorum is
 * an integrity alert with nothing from it on stored.
 */
class BftSyncEngineTest {

    private static final ECKeyPair V1 = BatchVerifierBftTest.V1;
    private static final ECKeyPair V2 = BatchVerifierBftTest.V2;
    private static final ECKeyPair V3 = BatchVerifierBftTest.V3;
    private static final ECKeyPair V4 = BatchVerifierBftTest.V4;
    private static final ECKeyPair V5 = BatchVerifierBftTest.V5;
    private static final List<ECKeyPair> FIVE = List.of(V1, V2, V3, V4, V5);

    private static SyncEngine engine(LedgerSettings settings, BftTestChain chain, TestStore store) {
        return new SyncEngine(settings, List.<LedgerNode>of(chain), store, Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void syncsAcrossBatchesResumesAfterARestartAndStoresNothingBelowQuorum(BftVariant variant) {
        BftTestChain chain = BatchVerifierBftTest.addingV5(variant);   // blocks 0..8, V5 added from block 6
        Map<String, String> config = BatchVerifierBftTest.config(variant, chain, List.of(V1, V2, V3, V4), 3);
        LedgerSettings settings = LedgerSettings.from(k -> Optional.ofNullable(config.get(k)));
        try (TestStore store = new TestStore("jdbc:h2:mem:bft-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            SyncEngine.RunReport first = engine(settings, chain, store).runOnce(Duration.ofMinutes(1));
            assertThat(first.result()).as(first.message()).isEqualTo(SyncEngine.RunResult.CAUGHT_UP);
            assertThat(first.toHeight()).isEqualTo(8);
            assertThat(store.blockCount()).isEqualTo(8);
            SyncState state = store.state().orElseThrow();
            assertThat(state.getValidators()).isEqualTo(BatchVerifierBftTest.sorted(FIVE));
            assertThat(store.block(6).map(VerifiedBlock::getSealers).orElseThrow())
                    .isEqualTo(BftTestChain.addresses(List.of(V5, V1, V2, V3)));

            // the node grows; a new engine (a portal restart) replays the set from the checkpoint and goes on
            chain.append(Spec.of(FIVE).proposer(V2)).append(Spec.of(FIVE).proposer(V3).round(2));
            SyncEngine.RunReport second = engine(settings, chain, store).runOnce(Duration.ofMinutes(1));
            assertThat(second.result()).as(second.message()).isEqualTo(SyncEngine.RunResult.CAUGHT_UP);
            assertThat(second.fromHeight()).isEqualTo(8);
            assertThat(second.toHeight()).isEqualTo(10);
            assertThat(store.blockCount()).isEqualTo(10);

            // then a block signed by 3 of 5 (quorum 4), followed by a good one: an alert, nothing from it stored
            chain.append(Spec.of(FIVE).signers(List.of(V1, V2, V3))).append(Spec.of(FIVE));
            SyncEngine.RunReport third = engine(settings, chain, store).runOnce(Duration.ofMinutes(1));
            assertThat(third.result()).isEqualTo(SyncEngine.RunResult.HALTED);
            assertThat(third.toHeight()).isEqualTo(10);
            assertThat(store.blockCount()).isEqualTo(10);
            assertThat(store.block(11)).isEmpty();
            assertThat(store.block(12)).isEmpty();
            IntegrityAlert alert = store.alerts(0, 10).get(0);
            assertThat(alert.getBlockNumber()).isEqualTo(11);
            assertThat(alert.getReason()).isEqualTo("QUORUM_NOT_REACHED");
            assertThat(store.state().orElseThrow().getHaltedAt()).isEqualTo(11);
        }
    }
}
