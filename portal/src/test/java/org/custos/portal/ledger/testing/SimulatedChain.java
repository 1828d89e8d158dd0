package org.custos.portal.ledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Gas;
import org.custos.consortium.sim.Plan;
import org.custos.consortium.sim.SimulationParameters;
import org.custos.consortium.sim.SimulationRun;
import org.custos.consortium.sim.Simulator;
import org.custos.verify.Hex;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The consortium simulator's world on a real anvil, built once per test JVM: a planned clinic history
 * ({@link Simulator#plan}, {@link SimulationRun#run}), then one block with three plain transfers (so that a test can
 * reorder transactions within a block). The node's state is dumped to a file, so that every test starts its own
 * anvil from exactly this chain. The simulator's own decoded events are the expected counts.
 */
public final class SimulatedChain {

    public static final SimulationParameters PARAMETERS =
            new SimulationParameters(20261122L, 3, 24, 2, SimulationParameters.all(0.5), 1);

    private static final String[] DEV_ACCOUNTS = {"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", "0x90f79bf6eb2c4f870365e785982e1f101e93b906"};
    private static final String ANVIL_KEY_0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static SimulatedChain instance;

    public final Path stateFile;
    public final String genesisHash;
    public final String registry;
    public final String records;
    public final String accountability;
    public final long head;
    /** The block with three transactions. */
    public final long multiTxBlock;
    public final int events;
    public final Map<String, Integer> eventsByName;
    public final Map<String, Integer> eventsByClinic;
    public final List<String> clinicIds;

    private SimulatedChain(Path stateFile, String genesisHash, String registry, String records,
                           String accountability, long head, long multiTxBlock, List<ChainEvent> events,
                           List<String> clinicIds) {
        this.stateFile = stateFile;
        this.genesisHash = genesisHash;
        this.registry = registry;
        this.records = records;
        this.accountability = accountability;
        this.head = head;
        this.multiTxBlock = multiTxBlock;
        this.events = events.size();
        Map<String, Integer> byName = new TreeMap<>();
        Map<String, Integer> byClinic = new TreeMap<>();
        for (ChainEvent e : events) {
            byName.merge(e.name(), 1, Integer::sum);
            byClinic.merge(e.field("clinicId"), 1, Integer::sum);
        }
        this.eventsByName = byName;
        this.eventsByClinic = byClinic;
        this.clinicIds = clinicIds;
    }

    public static synchronized SimulatedChain get() throws Exception {
        if (instance == null) {
            instance = build(Files.createTempDirectory("custos-portal-chain"));
        }
        return instance;
    }

    private static SimulatedChain build(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Anvil anvil = Anvil.start(null)) {
            HttpService service = new HttpService(anvil.url());
            Web3j web3j = Web3j.build(service);
            try {
                ChainWriter admin = new ChainWriter(web3j, Credentials.create(ANVIL_KEY_0), Anvil.CHAIN_ID, Gas.ANVIL);
                Plan plan = Simulator.plan(PARAMETERS);
                SimulationRun.Result result = SimulationRun.run(plan, service, admin, Anvil.CHAIN_ID, Gas.ANVIL);
                anvil.rpc("evm_setAutomine", "[false]");
                for (String from : DEV_ACCOUNTS) {
                    anvil.rpc("eth_sendTransaction", "[{\"from\":\"" + from + "\",\"to\":\"" + DEV_ACCOUNTS[0]
                            + "\",\"value\":\"0x1\"}]");
                }
                anvil.rpc("evm_mine", "[]");
                anvil.rpc("evm_setAutomine", "[true]");
                long head = Long.decode(json.readTree(anvil.rpc("eth_blockNumber", "[]")).get("result").asText());
                JsonNode genesis = json.readTree(anvil.rpc("eth_getBlockByNumber", "[\"0x0\",false]")).get("result");
                String dump = json.readTree(anvil.rpc("anvil_dumpState", "[]")).get("result").asText();
                byte[] gz = Hex.decode(dump);
                Path state = dir.resolve("state.json");
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                    Files.write(state, in.readAllBytes());
                }
                List<String> clinicIds = result.events().stream().filter(e -> e.name().equals("ClinicAdmitted"))
                        .map(e -> e.field("clinicId")).toList();
                return new SimulatedChain(state, genesis.get("hash").asText(), result.consortium().registry()
                        .toLowerCase(), result.consortium().records().toLowerCase(),
                        result.consortium().accountability().toLowerCase(), head, head, result.events(), clinicIds);
            } finally {
                web3j.shutdown();
            }
        }
    }

    /** Configuration for this chain as MicroProfile Config keys (endpoints given by the caller). */
    public Map<String, String> config(String urls) {
        Map<String, String> c = new HashMap<>();
        c.put("custos.ledger.urls", urls);
        c.put("custos.ledger.checkpoint", "0:" + genesisHash);
        c.put("custos.ledger.consensus", "DEV");
        c.put("custos.ledger.contracts.registry", registry);
        c.put("custos.ledger.contracts.records", records);
        c.put("custos.ledger.contracts.accountability", accountability);
        c.put("custos.ledger.retries", "1");
        c.put("custos.ledger.retry-backoff-ms", "50");
        c.put("custos.ledger.timeout-seconds", "5");
        return c;
    }
}
