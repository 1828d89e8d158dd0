package org.custos.consortium.sim;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.EventDecoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * {@code scenario.json} of a fixture (docs/consortium.md, "The demo fixture"): the parameters, the anvil flags to
 * load the state with, the contracts, the chain's genesis and head, and the event counts (total, per event name, per
 * clinic) as the node serves them (every log of the three contracts from genesis to head, decoded by the ABI), so a
 * reader of the fixture (the portal's sync tests) can compare what it synchronised.
 */
public final class Scenario {

    private Scenario() {
    }

    /** Every decoded event of the deployment from genesis to head, in chain order. */
    public static List<ChainEvent> events(Web3j web3j, EventDecoder decoder) throws IOException {
        EthLog logs = web3j.ethGetLogs(new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO),
                DefaultBlockParameterName.LATEST, List.of())).send();
        if (logs.hasError()) {
            throw new IOException("eth_getLogs: " + logs.getError().getMessage());
        }
        TransactionReceipt all = new TransactionReceipt();
        all.setLogs(logs.getLogs().stream().map(result -> (Log) result.get()).toList());
        return decoder.decode(all);
    }

    public static String json(Plan plan, SimulationRun.Result result, Web3j web3j, List<String> loadFlags,
                              String anvilVersion) throws IOException {
        SimulationParameters p = plan.parameters();
        EthBlock.Block genesis = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.ZERO), false)
                .send().getBlock();
        EthBlock.Block head = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
        List<ChainEvent> events = events(web3j, result.consortium().decoder());
        Map<String, Integer> byName = new TreeMap<>();
        Map<String, Map<String, Integer>> byClinic = new TreeMap<>();
        for (ChainEvent event : events) {
            byName.merge(event.name(), 1, Integer::sum);
            byClinic.computeIfAbsent(event.field("clinicId"), k -> new TreeMap<>()).merge(event.name(), 1,
                    Integer::sum);
        }
        long transactions = 0;
        for (long n = 0; n <= head.getNumber().longValueExact(); n++) {
            transactions += web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false)
                    .send().getBlock().getTransactions().size();
        }
        Map<Violation, Integer> byKind = new TreeMap<>();
        plan.violations().forEach(v -> byKind.merge(v.kind(), 1, Integer::sum));
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"format\": \"custos-scenario/1\",\n");
        out.append("  \"seed\": ").append(p.seed()).append(", \"clinics\": ").append(p.clinics())
                .append(", \"patients\": ").append(p.patients()).append(", \"months\": ").append(p.months())
                .append(", \"cleanClinics\": ").append(p.cleanClinics()).append(",\n");
        out.append("  \"start\": \"").append(Instant.ofEpochSecond(Simulator.START)).append("\",\n");
        out.append("  \"rates\": {");
        String separator = "";
        for (Violation kind : Violation.values()) {
            out.append(separator).append('"').append(kind.name()).append("\": ").append(p.rate(kind));
            separator = ", ";
        }
        out.append("},\n");
        out.append("  \"anvil\": {\"version\": \"").append(anvilVersion).append("\", \"stateFile\": ")
                .append("\"anvil-state.json.xz\", \"loadFlags\": [");
        separator = "";
        for (String flag : loadFlags) {
            out.append(separator).append('"').append(flag).append('"');
            separator = ", ";
        }
        out.append("]},\n");
        out.append("  \"chainId\": ").append(web3j.ethChainId().send().getChainId()).append(",\n");
        out.append("  \"contracts\": {\"registry\": \"").append(result.consortium().registry())
                .append("\", \"records\": \"").append(result.consortium().records())
                .append("\", \"accountability\": \"").append(result.consortium().accountability()).append("\"},\n");
        out.append("  \"genesis\": ").append(block(genesis)).append(",\n");
        out.append("  \"head\": ").append(block(head)).append(",\n");
        out.append("  \"blocks\": ").append(head.getNumber().longValueExact() + 1).append(", \"transactions\": ")
                .append(transactions).append(", \"plannedWrites\": ").append(plan.writes().size()).append(",\n");
        out.append("  \"events\": {\"total\": ").append(events.size()).append(", \"byName\": ").append(counts(byName))
                .append(",\n    \"byClinic\": {");
        separator = "\n";
        for (int i = 0; i < plan.clinics().size(); i++) {
            String clinic = Simulator.hex(plan.clinics().get(i).clinicId());
            Map<String, Integer> counts = byClinic.getOrDefault(clinic, Map.of());
            out.append(separator).append("      \"").append(clinic).append("\": {\"index\": ").append(i)
                    .append(", \"total\": ").append(counts.values().stream().mapToInt(Integer::intValue).sum())
                    .append(", \"byName\": ").append(counts(counts)).append('}');
            separator = ",\n";
        }
        out.append("\n    }},\n");
        out.append("  \"violations\": {\"total\": ").append(plan.violations().size()).append(", \"byKind\": ")
                .append(counts(byKind)).append("}\n}\n");
        return out.toString();
    }

    private static String block(EthBlock.Block block) {
        return "{\"number\": " + block.getNumber() + ", \"hash\": \"" + block.getHash() + "\", \"timestamp\": "
                + block.getTimestamp() + "}";
    }

    private static String counts(Map<?, Integer> counts) {
        StringBuilder out = new StringBuilder("{");
        String separator = "";
        for (Map.Entry<?, Integer> entry : counts.entrySet()) {
            out.append(separator).append('"').append(entry.getKey()).append("\": ").append(entry.getValue());
            separator = ", ";
        }
        return out.append('}').toString();
    }
}
