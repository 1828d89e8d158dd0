package org.custos.consortium.sim;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Gas;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * {@code simulate --rpc URL --seed S --clinics N --months M --out DIR [--patients P] [--clean C]
 * [--admin-key HEX] [--chain-id ID] [--violations all|none|KIND=RATE,...] [--ledger-leaks on|off]}: plans and plays a history against an
 * anvil node (genesis before 2024-12-31, e.g. {@code anvil --hardfork london --chain-id 4242 --timestamp
 * 1733011200}) and writes ground-truth.json, kms-receipts.json and bundles/clinic-N.zip to DIR, and with
 * {@code --scenario-load-flags "FLAGS" [--anvil-version V]} also scenario.json (scripts/fixture.sh). Defaults: 10
 * patients per clinic, one clean clinic, anvil's first dev key as admin, chain id 4242, every violation at 0.5.
 */
public final class Simulate {

    private static final String ANVIL_KEY_0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private Simulate() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("bad argument: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String required : new String[] {"rpc", "seed", "clinics", "months", "out"}) {
            if (!options.containsKey(required)) {
                usage("missing --" + required);
            }
        }
        int clinics = Integer.parseInt(options.get("clinics"));
        SimulationParameters parameters = new SimulationParameters(Long.parseLong(options.get("seed")), clinics,
                Integer.parseInt(options.getOrDefault("patients", Integer.toString(10 * clinics))),
                Integer.parseInt(options.get("months")), rates(options.getOrDefault("violations", "all=0.5")),
                Integer.parseInt(options.getOrDefault("clean", "1")));
        long chainId = Long.parseLong(options.getOrDefault("chain-id", "4242"));
        HttpService service = new HttpService(options.get("rpc"));
        Web3j web3j = Web3j.build(service);
        try {
            ChainWriter admin = new ChainWriter(web3j, Credentials.create(options.getOrDefault("admin-key",
                    ANVIL_KEY_0)), chainId, Gas.ANVIL);
            Plan plan = Simulator.plan(parameters);
            String leaksOption = options.getOrDefault("ledger-leaks", "off");
            if (!leaksOption.equals("on") && !leaksOption.equals("off")) {
                usage("--ledger-leaks on|off");
            }
            List<LedgerLeaks.Leak> leaks = leaksOption.equals("on") ? LedgerLeaks.plan(plan) : null;
            List<org.web3j.protocol.core.methods.response.TransactionReceipt> leakReceipts = new java.util.ArrayList<>();
            SimulationRun.Result result = SimulationRun.run(plan, service, admin, chainId, Gas.ANVIL, leaks,
                    leakReceipts);
            Path out = Path.of(options.get("out"));
            GroundTruth.write(plan, result, out);
            if (leaks != null) {
                LedgerLeaks.write(plan, leaks, leakReceipts, SimulationRun.LEAKS_TIME, out);
            }
            EvidenceBundle.writeAll(plan, out);
            if (options.containsKey("scenario-load-flags")) {
                List<String> flags = List.of(options.get("scenario-load-flags").trim().split("\\s+"));
                java.nio.file.Files.writeString(out.resolve("scenario.json"), Scenario.json(plan, result, web3j,
                        flags, options.getOrDefault("anvil-version", "unknown")));
            }
            System.out.println("registry " + result.consortium().registry() + ", records "
                    + result.consortium().records() + ", accountability " + result.consortium().accountability()
                    + "; " + plan.writes().size() + " writes, " + plan.violations().size()
                    + " violations planted; ground truth in " + out.resolve("ground-truth.json"));
        } finally {
            web3j.shutdown();
        }
    }

    /** "all=R", "none", or "KIND=RATE,KIND=RATE" (kinds as in {@link Violation}). */
    static Map<Violation, Double> rates(String spec) {
        if (spec.equals("none")) {
            return Map.of();
        }
        Map<Violation, Double> rates = new EnumMap<>(Violation.class);
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            double rate = kv.length == 2 ? Double.parseDouble(kv[1]) : 1.0;
            if (kv[0].equals("all")) {
                rates.putAll(SimulationParameters.all(rate));
            } else {
                rates.put(Violation.valueOf(kv[0]), rate);
            }
        }
        return rates;
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: simulate --rpc URL --seed S --clinics N --months M --out DIR "
                + "[--patients P] [--clean C] [--admin-key HEX] [--chain-id ID] [--violations all=R|none|KIND=R,...] "
                + "[--ledger-leaks on|off] "
                + "[--scenario-load-flags \"ANVIL FLAGS\" [--anvil-version V]]");
        System.exit(2);
    }
}
