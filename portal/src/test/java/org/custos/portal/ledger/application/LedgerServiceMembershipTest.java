package org.custos.portal.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.BatchVerifierBftTest;
import org.custos.portal.ledger.domain.ClinicMembership;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.testing.BftTestChain;
import org.custos.portal.ledger.testing.TestState;
import org.custos.verify.consensus.BftVariant;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerService#proveMembership}: the proof is asked for the registry, the clinic's slots and the verified
 * block, and checked against that block's stateRoot, so a node that answers another question (another block,
 * another account) gives a refused proof with its reason, not a membership (issue 13 A4).
 */
class LedgerServiceMembershipTest {

    private static final String CLINIC = "0x" + "c1".repeat(32);
    private static final List<String> SLOTS = ClinicMembership.slotsOf(CLINIC);

    /** A node whose eth_getProof answers from {@code state} for {@code answerFor}, whatever it is asked. */
    private static final class Node implements LedgerNode {
        private final TestState state;
        private final String answerFor;
        private final List<String> asked = new ArrayList<>();

        Node(TestState state, String answerFor) {
            this.state = state;
            this.answerFor = answerFor;
        }

        @Override
        public String name() {
            return "test-node";
        }

        @Override
        public long chainId() {
            return 1337;
        }

        @Override
        public long headNumber() {
            return 11;
        }

        @Override
        public List<RpcBlock> blocks(long from, int count) {
            return List.of();
        }

        @Override
        public List<Map<String, Object>> headers(long from, int count) {
            return List.of();
        }

        @Override
        public Map<String, Object> proof(String address, List<String> slots, long block) {
            asked.add(address + " " + slots + " " + block);
            return state.proof(answerFor == null ? address : answerFor, slots);
        }
    }

    private static TestState state(boolean suspended, String registry) {
        byte[] word = new byte[32];
        word[31] = 1;
        word[30] = (byte) (suspended ? 1 : 0);
        return new TestState().account(registry, Map.of(SLOTS.get(0), new BigInteger(1, word),
                SLOTS.get(1), BigInteger.TWO, SLOTS.get(2), BigInteger.TEN))
                .account("0x" + "77".repeat(20), Map.of(SLOTS.get(0), BigInteger.ONE, SLOTS.get(1), BigInteger.TWO,
                        SLOTS.get(2), BigInteger.TEN));
    }

    private static LedgerSettings settings() {
        Map<String, String> c = BatchVerifierBftTest.config(BftVariant.QBFT,
                new BftTestChain(BftVariant.QBFT, BatchVerifierBftTest.FOUR), BatchVerifierBftTest.FOUR, 10);
        return LedgerSettings.from(k -> Optional.ofNullable(c.get(k)));
    }

    private static VerifiedBlock block(long number, TestState state) {
        return new VerifiedBlock(number, "0x" + "0b".repeat(32), "0x" + "0a".repeat(32), state.stateRoot(),
                "0x" + "00".repeat(32), "0x" + "00".repeat(32), Instant.EPOCH, 0, 0, null, Instant.EPOCH);
    }

    @Test
    void theProofIsAskedForTheVerifiedBlockAndCheckedAgainstItsStateRoot() throws Exception {
        LedgerSettings s = settings();
        String registry = s.contracts().registry();
        TestState head = state(true, registry);
        Node honest = new Node(head, null);
        ClinicMembership m = LedgerService.proveMembership(s, List.of(honest), CLINIC, block(11, head));
        assertThat(m.verdict().verified()).as(m.verdict().toString()).isTrue();
        assertThat(m.suspended()).isTrue();
        assertThat(honest.asked).containsExactly(registry + " " + SLOTS + " 11");
    }

    @Test
    void aNodeAnsweringFromAnotherBlockGivesARefusedProof() throws Exception {
        LedgerSettings s = settings();
        String registry = s.contracts().registry();
        TestState head = state(true, registry);
        // the node hides the suspension: its answer is a valid proof of an earlier state
        ClinicMembership m = LedgerService.proveMembership(s, List.of(new Node(state(false, registry), null)),
                CLINIC, block(11, head));
        assertThat(m.verdict().verified()).isFalse();
        assertThat(m.verdict().reason().name()).isEqualTo("PROOF_NODE_HASH_MISMATCH");
        assertThat(m.verdict().expected()).isEqualTo(head.stateRoot());
        assertThat(m.values()).containsOnlyNulls();
    }

    @Test
    void aNodeAnsweringForAnotherAccountGivesARefusedProof() throws Exception {
        LedgerSettings s = settings();
        TestState head = state(false, s.contracts().registry());
        ClinicMembership m = LedgerService.proveMembership(s, List.of(new Node(head, "0x" + "77".repeat(20))),
                CLINIC, block(11, head));
        assertThat(m.verdict().reason().name()).isEqualTo("PROOF_ADDRESS_MISMATCH");
        assertThat(m.verdict().expected()).isEqualTo(s.contracts().registry());
        assertThat(m.verdict().actual()).isEqualTo("0x" + "77".repeat(20));
    }
}
