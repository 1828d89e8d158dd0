package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;
import org.custos.verify.merkle.MerkleTree;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.utils.Numeric;

class SimulatorTest {

    private static final SimulationParameters SMALL = new SimulationParameters(20261122L, 3, 40, 4);

    @Test
    void sameSeedGivesTheSamePlan() {
        assertThat(calls(Simulator.plan(SMALL))).isEqualTo(calls(Simulator.plan(SMALL)));
        assertThat(Simulator.plan(SMALL).writes()).isEqualTo(Simulator.plan(SMALL).writes());
    }

    @Test
    void anotherSeedGivesAnotherPlan() {
        SimulationParameters other = new SimulationParameters(SMALL.seed() + 1, 3, 40, 4);
        assertThat(calls(Simulator.plan(other))).isNotEqualTo(calls(Simulator.plan(SMALL)));
    }

    @Test
    void admitsEveryClinicThenCheckpointsEachClinicEveryMonth() {
        Plan plan = Simulator.plan(SMALL);
        List<String> names = plan.writes().stream().map(w -> w.function().getName()).toList();
        assertThat(names.subList(0, 3)).containsOnly("admit");
        assertThat(names.stream().filter("checkpoint"::equals)).hasSize(3 * 4);
        int records = plan.clinics().stream().mapToInt(c -> c.records().size()).sum();
        assertThat(records).isPositive();
        assertThat(names.stream().filter("commitRecord"::equals)).hasSize(records);
    }

    @Test
    void commitmentsAreKeyedHashesNotPlainHashes() throws Exception {
        for (SimulatedClinic clinic : Simulator.plan(SMALL).clinics()) {
            for (RecordOpening record : clinic.records()) {
                assertThat(record.commitment()).isEqualTo(KeyedHash.hmacSha256(clinic.hmacKey(), record.plaintext()));
                assertThat(record.commitment())
                        .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest(record.plaintext()));
            }
        }
    }

    @Test
    void keyedHashIsRfc4231() {
        // RFC 4231 test case 2
        byte[] mac = KeyedHash.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(Numeric.toHexStringNoPrefix(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void lastCheckpointOfAClinicIsTheRfc9162RootOfItsWholeAccessLog() {
        Plan plan = Simulator.plan(SMALL);
        for (int c = 0; c < plan.clinics().size(); c++) {
            SimulatedClinic clinic = plan.clinics().get(c);
            int index = c;
            PlannedWrite last = plan.writes().stream()
                    .filter(w -> w.clinic() == index && w.function().getName().equals("checkpoint"))
                    .reduce((first, second) -> second).orElseThrow();
            List<byte[]> leaves = clinic.accessLog().stream().map(MerkleTree::leafHash).toList();
            String expected = FunctionEncoder.encode(Calls.checkpoint(clinic.clinicId(), leaves.size(),
                    MerkleTree.rootHash(leaves)));
            assertThat(last.callData()).isEqualTo(expected);
        }
    }

    @Test
    void idsAndKeysAreDistinct() {
        Plan plan = Simulator.plan(SMALL);
        Set<String> ids = new HashSet<>();
        for (SimulatedClinic clinic : plan.clinics()) {
            assertThat(ids.add(Numeric.toHexString(clinic.clinicId()))).isTrue();
            assertThat(ids.add(clinic.writer().getAddress())).isTrue();
            for (RecordOpening record : clinic.records()) {
                assertThat(ids.add(Numeric.toHexString(record.recordId()))).isTrue();
            }
        }
    }

    @Test
    void rejectsAnEmptyConsortium() {
        assertThatThrownBy(() -> new SimulationParameters(1, 0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> calls(Plan plan) {
        List<String> calls = new ArrayList<>();
        for (PlannedWrite write : plan.writes()) {
            calls.add(write.clinic() + " " + write.target() + " " + write.callData());
        }
        return calls;
    }

}
