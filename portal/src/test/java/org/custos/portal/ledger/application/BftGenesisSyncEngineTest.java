package org.custos.portal.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custos.portal.ledger.domain.BatchVerifierBftTest;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.testing.BftTestChain;
import org.custos.portal.ledger.testing.BftTestChain.Spec;
import org.custos.portal.ledger.testing.TestStore;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.ECKeyPair;

/**
 * The sync engine pinned at a genesis that lists its validators unsorted, as a real Besu network's genesis does
 * (issue 13 A1: the portal raised a checkpoint alert at block 0 and never synced): it syncs with no alert, and a
 * genesis listing one validator twice is still a checkpoint alert at block 0 with nothing stored.
 */
class BftGenesisSyncEngineTest {

    private static final List<ECKeyPair> FOUR = BatchVerifierBftTest.FOUR;

    private static List<ECKeyPair> operatorOrder() {
        List<ECKeyPair> keys = new ArrayList<>(FOUR);
        keys.sort((a, b) -> ValidatorSetTracker.ADDRESS_ORDER.compare(BftTestChain.address(b),
                BftTestChain.address(a)));
        return keys;
    }

    private static SyncEngine.RunReport sync(BftVariant variant, BftTestChain chain, TestStore store) {
        Map<String, String> config = BatchVerifierBftTest.config(variant, chain, FOUR, 3);
        LedgerSettings settings = LedgerSettings.from(k -> Optional.ofNullable(config.get(k)));
        return new SyncEngine(settings, List.<LedgerNode>of(chain), store, Clock.systemUTC())
                .runOnce(Duration.ofMinutes(1));
    }

    private static BftTestChain chain(BftVariant variant, List<ECKeyPair> genesisListing) {
        BftTestChain chain = BftTestChain.withGenesisListing(variant, genesisListing);
        for (int n = 1; n <= 7; n++) {
            chain.append(Spec.of(FOUR).proposer(FOUR.get(n % 4)));
        }
        return chain;
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void syncsFromAnUnsortedGenesisWithoutAnAlert(BftVariant variant) {
        BftTestChain chain = chain(variant, operatorOrder());
        try (TestStore store = new TestStore("jdbc:h2:mem:bft-genesis-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            SyncEngine.RunReport report = sync(variant, chain, store);
            assertThat(report.result()).as(report.message()).isEqualTo(SyncEngine.RunResult.CAUGHT_UP);
            assertThat(report.toHeight()).isEqualTo(7);
            assertThat(store.blockCount()).isEqualTo(7);
            assertThat(store.alerts(0, 10)).isEmpty();
            assertThat(store.state().orElseThrow().getHaltedAt()).isNull();
            assertThat(store.state().orElseThrow().getValidators()).isEqualTo(BatchVerifierBftTest.sorted(FOUR));
        }
    }

    @ParameterizedTest
    @EnumSource(BftVariant.class)
    void aGenesisListingAValidatorTwiceIsACheckpointAlert(BftVariant variant) {
        List<ECKeyPair> listed = operatorOrder();
        listed.add(listed.get(0));
        BftTestChain chain = chain(variant, listed);
        try (TestStore store = new TestStore("jdbc:h2:mem:bft-genesis-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            SyncEngine.RunReport report = sync(variant, chain, store);
            assertThat(report.result()).isEqualTo(SyncEngine.RunResult.HALTED);
            assertThat(store.blockCount()).isZero();
            IntegrityAlert alert = store.alerts(0, 10).get(0);
            assertThat(alert.getBlockNumber()).isZero();
            assertThat(alert.getReason()).isEqualTo("VALIDATOR_SET_MISMATCH");
            assertThat(alert.getActual()).contains("listed more than once");
        }
    }
}
