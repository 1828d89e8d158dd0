package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.Consortium;
import org.custos.consortium.testing.AnvilNode;
import org.custos.verify.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The committed demo fixture (consortium/fixtures/demo, scripts/fixture.sh) loaded into a fresh anvil with
 * {@code --load-state}: the chain it serves is the one scenario.json describes (genesis, head, blocks, event counts
 * per name and clinic); the simulator's plan for scenario.json's parameters gives byte-identical bundles and, with
 * the chain's receipts, byte-identical ground-truth.json and kms-receipts.json, so a stale fixture fails the build;
 * ledger-verifier's range command verifies every block (hash chain, transactions and receipts tries) and every
 * decoded event is a log of a verified receipt; EIP-1186 proofs verify at the head and at an old block.
 */
class DemoFixtureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path fixture;
    private static JsonNode scenario;
    private static AnvilNode node;
    private static Path temp;

    @BeforeAll
    static void loadFixture(@TempDir Path dir) throws Exception {
        temp = dir;
        fixture = Path.of(System.getProperty("custos.fixture.dir", "fixtures/demo"));
        scenario = JSON.readTree(fixture.resolve("scenario.json").toFile());
        Path state = dir.resolve("anvil-state.json");
        Process xz = new ProcessBuilder("xz", "-dc", fixture.resolve(scenario.path("anvil").path("stateFile").asText())
                .toString()).redirectOutput(state.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(xz.waitFor(120, TimeUnit.SECONDS)).as("xz finished").isTrue();
        assertThat(xz.exitValue()).as("xz -dc of the fixture's state").isZero();
        List<String> flags = new ArrayList<>();
        scenario.path("anvil").path("loadFlags").forEach(flag -> flags.add(flag.asText()));
        node = AnvilNode.startFromState(state, flags);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theLoadedChainIsTheOneScenarioJsonDescribes() throws Exception {
        Web3j web3j = node.web3j();
        assertThat(web3j.ethChainId().send().getChainId().longValue()).isEqualTo(scenario.path("chainId").asLong());
        EthBlock.Block genesis = block(web3j, 0);
        EthBlock.Block head = web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST,
                false).send().getBlock();
        assertThat(genesis.getHash()).isEqualTo(scenario.path("genesis").path("hash").asText());
        assertThat(head.getNumber().longValueExact()).isEqualTo(scenario.path("head").path("number").asLong());
        assertThat(head.getHash()).isEqualTo(scenario.path("head").path("hash").asText());
        assertThat(head.getTimestamp().longValueExact()).isEqualTo(scenario.path("head").path("timestamp").asLong());
        assertThat(scenario.path("blocks").asLong()).isEqualTo(head.getNumber().longValueExact() + 1);

        List<ChainEvent> events = Scenario.events(web3j, consortium().decoder());
        assertThat(events).hasSize(scenario.path("events").path("total").asInt());
        Map<String, Integer> byName = new TreeMap<>();
        Map<String, Map<String, Integer>> byClinic = new TreeMap<>();
        for (ChainEvent event : events) {
            byName.merge(event.name(), 1, Integer::sum);
            byClinic.computeIfAbsent(event.field("clinicId"), k -> new TreeMap<>()).merge(event.name(), 1, Integer::sum);
        }
        assertThat(byName).isEqualTo(counts(scenario.path("events").path("byName")));
        JsonNode clinics = scenario.path("events").path("byClinic");
        assertThat(clinics.size()).isEqualTo(scenario.path("clinics").asInt());
        for (Iterator<String> ids = clinics.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            assertThat(byClinic.get(id)).as(id).isEqualTo(counts(clinics.path(id).path("byName")));
        }
        // every event kind of the contracts occurs in the demo, and every violation kind was planted
        assertThat(byName.keySet()).contains("ClinicAdmitted", "RecordCommitted", "AuditCheckpoint", "ConsentGranted",
                "ConsentRevoked", "KeyRegistered", "KeyDestroyed", "RequestReceived", "RequestExtended",
                "RequestAnswered", "DisclosureRecorded", "BreachDetected", "BreachNotified", "DocumentAnchored");
        assertThat(counts(scenario.path("violations").path("byKind")).keySet())
                .containsExactlyInAnyOrder(java.util.Arrays.stream(Violation.values()).map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void theSimulatorStillProducesTheCommittedGroundTruthAndBundles() throws Exception {
        Plan plan = Simulator.plan(parameters());
        assertThat(plan.writes()).hasSize(scenario.path("plannedWrites").asInt());
        for (int c = 0; c < plan.clinics().size(); c++) {
            assertThat(EvidenceBundle.zip(plan.clinics().get(c))).as("bundles/clinic-" + c + ".zip")
                    .isEqualTo(Files.readAllBytes(fixture.resolve("bundles/clinic-" + c + ".zip")));
        }
        // the planned writes are the chain's last transactions, in order (before them: deployment and funding)
        Web3j web3j = node.web3j();
        List<String> hashes = new ArrayList<>();
        long head = scenario.path("head").path("number").asLong();
        for (long n = 0; n <= head; n++) {
            block(web3j, n).getTransactions().forEach(tx -> hashes.add((String) tx.get()));
        }
        assertThat(hashes).hasSize(scenario.path("transactions").asInt());
        List<TransactionReceipt> receipts = new ArrayList<>();
        for (String hash : hashes.subList(hashes.size() - plan.writes().size(), hashes.size())) {
            receipts.add(web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow());
        }
        for (int i = 0; i < receipts.size(); i += 97) {
            EthBlock.Block block = block(web3j, receipts.get(i).getBlockNumber().longValueExact());
            assertThat(block.getTimestamp().longValueExact()).isEqualTo(plan.writes().get(i).timestamp());
        }
        Consortium consortium = consortium();
        List<ChainEvent> events = new ArrayList<>();
        receipts.forEach(r -> events.addAll(consortium.decoder().decode(r)));
        GroundTruth.write(plan, new SimulationRun.Result(consortium, receipts, events), temp.resolve("again"));
        assertThat(Files.readString(temp.resolve("again/ground-truth.json")))
                .isEqualTo(Files.readString(fixture.resolve("ground-truth.json")));
        assertThat(Files.readString(temp.resolve("again/kms-receipts.json")))
                .isEqualTo(Files.readString(fixture.resolve("kms-receipts.json")));
        assertThat(JSON.readTree(fixture.resolve("ground-truth.json").toFile()).path("violations").size())
                .isEqualTo(scenario.path("violations").path("total").asInt()).isEqualTo(plan.violations().size());
        // the planted personal data outside the consortium's contracts: the transactions just before the planned
        // writes, their ground truth again byte for byte
        List<LedgerLeaks.Leak> leaks = LedgerLeaks.plan(plan);
        List<TransactionReceipt> leakReceipts = new ArrayList<>();
        int firstLeak = hashes.size() - plan.writes().size() - leaks.size();
        for (String hash : hashes.subList(firstLeak, firstLeak + leaks.size())) {
            leakReceipts.add(web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow());
        }
        assertThat(leakReceipts).allMatch(TransactionReceipt::isStatusOK);
        assertThat(LedgerLeaks.json(plan, leaks, leakReceipts, SimulationRun.LEAKS_TIME))
                .isEqualTo(Files.readString(fixture.resolve("ledger-wide.json")));
    }

    @Test
    void ledgerVerifierVerifiesEveryBlockAndEveryEventIsInAVerifiedReceipt() throws Exception {
        Web3j web3j = node.web3j();
        long head = scenario.path("head").path("number").asLong();
        String url = node.url();
        // anvil --hardfork london serves a genesis header with Cancun blob fields and no withdrawals root, a field
        // combination no fork defines; as the checkpoint it is proven by its pinned hash alone (issue 13 A2), so
        // the demo's own genesis anchors the CLI as it anchors the portal
        assertThat(block(web3j, 1).getParentHash()).isEqualTo(scenario.path("genesis").path("hash").asText());
        Cli fromGenesis = cli("range", "--rpc", url, "--from", "0", "--to", "3", "--checkpoint",
                scenario.path("genesis").path("hash").asText(), "--consensus", "dev");
        assertThat(fromGenesis.status()).as(fromGenesis.output()).isEqualTo(Main.VERIFIED);
        assertThat(fromGenesis.output()).contains("VERIFIED 4 blocks");
        Path transcript = temp.resolve("transcript.json");
        String records = consortium().records();
        Cli range = cli("range", "--rpc", url, "--from", "1", "--to", Long.toString(head), "--checkpoint",
                block(web3j, 1).getHash(), "--consensus", "dev", "--batch", "50",
                "--proof", records + ":0x" + "00".repeat(31) + "01", "--transcript", transcript.toString());
        assertThat(range.status()).as(range.output()).isEqualTo(Main.VERIFIED);
        assertThat(range.output()).contains("VERIFIED " + head + " blocks");

        Set<String> verifiedLogs = new HashSet<>();
        for (JsonNode entry : JSON.readTree(transcript.toFile()).path("blocks")) {
            for (JsonNode receipt : entry.path("receipts")) {
                for (JsonNode log : receipt.path("logs")) {
                    verifiedLogs.add(key(log.path("transactionHash").asText(), log.path("logIndex").asText(),
                            log.path("address").asText(), log.path("topics").toString(), log.path("data").asText()));
                }
            }
        }
        org.web3j.protocol.core.methods.response.EthLog logs = web3j.ethGetLogs(
                new org.web3j.protocol.core.methods.request.EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO),
                        org.web3j.protocol.core.DefaultBlockParameterName.LATEST, List.of())).send();
        Consortium deployed = consortium();
        Set<String> consortiumContracts = Set.of(deployed.registry().toLowerCase(), deployed.records().toLowerCase(),
                deployed.accountability().toLowerCase());
        // the consortium's logs are the scenario's events; the others are the planted contract's (ledger-wide.json)
        assertThat(logs.getLogs().stream().filter(l -> consortiumContracts.contains(((Log) l.get()).getAddress()
                .toLowerCase()))).hasSize(scenario.path("events").path("total").asInt());
        assertThat(logs.getLogs().size()).isGreaterThan(scenario.path("events").path("total").asInt());
        for (var result : logs.getLogs()) {
            Log log = (Log) result.get();
            assertThat(verifiedLogs).contains(key(log.getTransactionHash(), "0x" + log.getLogIndex().toString(16),
                    log.getAddress(), JSON.valueToTree(log.getTopics()).toString(), log.getData()));
        }

        // historical state: an EIP-1186 proof at an old block (the first checkpoint's) verifies against its root
        long old = Long.parseLong(firstCheckpointBlock());
        Cli past = cli("range", "--rpc", url, "--from", Long.toString(old - 5), "--to", Long.toString(old),
                "--checkpoint", block(web3j, old - 5).getHash(), "--consensus", "dev",
                "--proof", records + ":0x" + "00".repeat(31) + "01");
        assertThat(past.status()).as(past.output()).isEqualTo(Main.VERIFIED);
        assertThat(past.output()).contains("1 state proofs");
    }

    private static String firstCheckpointBlock() throws Exception {
        for (JsonNode violation : JSON.readTree(fixture.resolve("ground-truth.json").toFile()).path("violations")) {
            for (JsonNode tx : violation.path("transactions")) {
                if (tx.path("role").asText().startsWith("checkpoint")) {
                    return tx.path("block").asText();
                }
            }
        }
        throw new AssertionError("no checkpoint in the ground truth");
    }

    private static String key(String tx, String logIndex, String address, String topics, String data) {
        return (tx + "|" + logIndex + "|" + address + "|" + topics + "|" + data).toLowerCase(java.util.Locale.ROOT);
    }

    private record Cli(int status, String output) {
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = Main.run(args, out, out);
        return new Cli(status, buffer.toString(StandardCharsets.UTF_8));
    }

    private static SimulationParameters parameters() {
        Map<Violation, Double> rates = new EnumMap<>(Violation.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = scenario.path("rates").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rate = it.next();
            rates.put(Violation.valueOf(rate.getKey()), rate.getValue().asDouble());
        }
        return new SimulationParameters(scenario.path("seed").asLong(), scenario.path("clinics").asInt(),
                scenario.path("patients").asInt(), scenario.path("months").asInt(), rates,
                scenario.path("cleanClinics").asInt());
    }

    private static Consortium consortium() {
        JsonNode contracts = scenario.path("contracts");
        return new Consortium(contracts.path("registry").asText(), contracts.path("records").asText(),
                contracts.path("accountability").asText());
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static EthBlock.Block block(Web3j web3j, long number) throws Exception {
        return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()
                .getBlock();
    }
}
