package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Gas;
import org.custos.consortium.testing.AnvilNode;
import org.custos.verify.merkle.MerkleTree;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** The simulator against real nodes: two runs with the same seed on two fresh anvils give the same events. */
class SimulatorIT {

    private static final SimulationParameters PARAMETERS = new SimulationParameters(4242L, 2, 12, 3);

    @Test
    void twoRunsWithTheSameSeedProduceTheSameEvents() throws Exception {
        List<ChainEvent> first = run();
        List<ChainEvent> second = run();

        assertThat(first).isEqualTo(second);
        Plan plan = Simulator.plan(PARAMETERS);
        assertThat(first).hasSize(plan.writes().size());
        assertThat(first.stream().filter(e -> e.name().equals("ClinicAdmitted"))).hasSize(2);
        assertThat(first.stream().filter(e -> e.name().equals("AuditCheckpoint"))).hasSize(2 * 3);
        for (SimulatedClinic clinic : plan.clinics()) {
            ChainEvent last = first.stream().filter(e -> e.name().equals("AuditCheckpoint")
                    && e.field("clinicId").equals(Numeric.toHexString(clinic.clinicId())))
                    .reduce((a, b) -> b).orElseThrow();
            List<byte[]> leaves = clinic.accessLog().stream().map(MerkleTree::leafHash).toList();
            assertThat(last.field("treeSize")).isEqualTo(Integer.toString(leaves.size()));
            assertThat(last.field("rootHash")).isEqualTo(Numeric.toHexString(MerkleTree.rootHash(leaves)));
        }
    }

    private static List<ChainEvent> run() throws Exception {
        try (AnvilNode node = AnvilNode.start()) {
            ChainWriter admin = new ChainWriter(node.web3j(), Credentials.create(AnvilNode.DEV_KEYS[0]),
                    AnvilNode.CHAIN_ID, Gas.ANVIL);
            return SimulationRun.run(Simulator.plan(PARAMETERS), new HttpService(node.url()), admin, AnvilNode.CHAIN_ID, Gas.ANVIL)
                    .events();
        }
    }
}
