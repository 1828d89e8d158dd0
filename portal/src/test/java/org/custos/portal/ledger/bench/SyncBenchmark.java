package org.custos.portal.ledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Gas;
import org.custos.consortium.sim.Plan;
import org.custos.consortium.sim.SimulationParameters;
import org.custos.consortium.sim.SimulationRun;
import org.custos.consortium.sim.Simulator;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.infrastructure.Web3jLedgerNode;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.Sync;
import org.custos.portal.ledger.testing.TestStore;
import org.custos.verify.Hex;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.http.HttpService;

/**
 * {@code scripts/bench-sync.sh}: builds (once, cached in the output directory) a large chain on anvil: the consortium
 * simulator's history (blocks with events) followed by empty blocks up to {@code --blocks}; dumps it; then, against
 * one anvil loaded from the dump, measures in one run, after untimed warm-ups and in {@code --repeat} interleaved
 * rounds (medians reported): (1) the raw batched fetch rate (the portal's Web3j client, eth_getBlockByNumber with
 * full transactions + eth_getBlockReceipts, {@code --batch} blocks per HTTP request, one request at a time, nothing
 * verified), and the same with as many requests in flight as the sync keeps; (2) a naive Web3j loop, one request at
 * a time per block (typed responses, default HttpService); with {@code --fill transactions} the blocks after the
 * history carry ordinary transactions with calldata and logs ({@link OrdinaryTraffic}) instead of none; (3) Custos's verified-and-stored rate (the sync engine
 * into an H2 file database, or PostgreSQL with {@code --jdbc}); heap used; and the CPU time of this JVM and of anvil
 * per phase (the machine's cores are shared by both).
 */
public final class SyncBenchmark {

    private static final String ANVIL_KEY_0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private SyncBenchmark() {
    }

    /** {@code --name value} pairs (the benchmarks' command lines). */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long target = Long.parseLong(options.getOrDefault("blocks", "100000"));
        int naiveBlocks = Integer.parseInt(options.getOrDefault("naive-blocks", "3000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-sync"));
        // --phases custos: only the sync (for profiling); the figures in docs/performance.md come from all three
        List<String> phases = List.of(options.getOrDefault("phases", "raw,naive,custos").split(","));
        // --fill transactions: the blocks after the consortium's history carry ordinary transactions with calldata
        // and logs (OrdinaryTraffic) instead of being empty (anvil_mine)
        boolean traffic = switch (options.getOrDefault("fill", "empty")) {
            case "empty" -> false;
            case "transactions" -> true;
            default -> throw new IllegalArgumentException("--fill empty|transactions");
        };
        Files.createDirectories(dir);
        String name = (traffic ? "tx-" : "") + target;
        Path state = dir.resolve("state-" + name + ".json");
        Path facts = dir.resolve("chain-" + name + ".properties");
        if (!Files.exists(facts)) {
            build(target, state, facts, traffic);
        }
        Properties chain = new Properties();
        try (var in = Files.newInputStream(facts)) {
            chain.load(in);
        }
        long head = Long.parseLong(chain.getProperty("head"));
        System.out.printf("chain: %d blocks, %s consortium events, the rest %s (%s)%n", head,
                chain.getProperty("events"), traffic ? "with 1-3 ordinary transactions each" : "empty", state);

        int repeat = Integer.parseInt(options.getOrDefault("repeat", "3"));
        // --jdbc jdbc:postgresql://...: PostgreSQL (the production database; scripts/bench-sync.sh --postgres starts a
        // fresh server with the default fsync); otherwise a fresh H2 file database per round
        String jdbc = options.get("jdbc");
        String database = jdbc != null && jdbc.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2 file";

        long loadStart = System.nanoTime();
        try (Anvil anvil = Anvil.start(state)) {
            System.out.printf("anvil loaded the state in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
            Map<String, String> config = new HashMap<>();
            config.put("custos.ledger.urls", anvil.url());
            config.put("custos.ledger.checkpoint", "0:" + chain.getProperty("genesis"));
            config.put("custos.ledger.consensus", "DEV");
            config.put("custos.ledger.contracts.registry", chain.getProperty("registry"));
            config.put("custos.ledger.contracts.records", chain.getProperty("records"));
            config.put("custos.ledger.contracts.accountability", chain.getProperty("accountability"));
            config.put("custos.ledger.sync.batch-size", Integer.toString(batch));
            config.put("custos.ledger.timeout-seconds", "60");
            long expectedEvents = Long.parseLong(chain.getProperty("events"));

            // warm-ups, untimed: every phase is measured with compiled code, as in a portal that has been running
            if (phases.contains("raw")) {
                raw(anvil, Math.min(20_000, head), batch);
            }
            Path scratch = Files.createTempDirectory(dir, "h2-warmup-");
            try (TestStore store = new TestStore("jdbc:h2:file:" + scratch.resolve("warmup").toAbsolutePath());
                 Sync sync = new Sync(config, store)) {
                SyncEngine.RunReport warm = sync.engine.runOnce(Duration.ofSeconds(3));
                System.out.printf("(warm-up: %d blocks synced into a scratch database)%n", warm.blocks());
            } finally {
                deleteTree(scratch);
            }

            // rounds: (1) raw batched fetch with the portal's client, nothing verified or stored, one request at a
            // time; (1b) the same with as many requests in flight as the sync keeps; (3) Custos: fetch, verify
            // everything, store; interleaved, so that a disturbance of the shared machine hits all of them alike
            List<Double> raws = new ArrayList<>();
            List<Double> pipelineds = new ArrayList<>();
            List<Double> custoses = new ArrayList<>();
            for (int round = 1; round <= repeat; round++) {
                if (phases.contains("raw")) {
                    Cpu before = Cpu.now(anvil);
                    raws.add(raw(anvil, head, batch));
                    System.out.printf("round %d raw batched fetch:   %,8.0f blocks/s (%d per request; %s)%n", round,
                            raws.get(raws.size() - 1), batch, Cpu.now(anvil).since(before));
                    before = Cpu.now(anvil);
                    pipelineds.add(pipelined(anvil, head, batch, LedgerSettings.DEFAULT_PREFETCH + 1));
                    System.out.printf("round %d raw, %d in flight:     %,8.0f blocks/s (%s)%n", round,
                            LedgerSettings.DEFAULT_PREFETCH + 1, pipelineds.get(pipelineds.size() - 1),
                            Cpu.now(anvil).since(before));
                }
                if (phases.contains("custos")) {
                    custoses.add(custos(anvil, config, jdbc, dir, head, expectedEvents, round));
                }
            }

            // (2) naive: one request at a time per block and its receipts, Web3j's default transport (once: slow)
            double naive = Double.NaN;
            if (phases.contains("naive")) {
                naive = naive(anvil, (int) Math.min(naiveBlocks, head));
                System.out.printf("naive Web3j loop:              %,8.0f blocks/s (first %d blocks, 2 requests each)%n",
                        naive, Math.min(naiveBlocks, head));
            }

            System.out.printf("%nchain %d blocks (%d with consortium events), %s, batch %d, median of %d rounds:%n",
                    head, expectedEvents, database, batch, repeat);
            double raw = median(raws);
            double pipelined = median(pipelineds);
            double custos = median(custoses);
            System.out.printf("  raw batched fetch     %,8.0f blocks/s  %s%n", raw, rounds(raws));
            System.out.printf("  raw, %d in flight      %,8.0f blocks/s  %s%n", LedgerSettings.DEFAULT_PREFETCH + 1,
                    pipelined, rounds(pipelineds));
            System.out.printf("  naive Web3j loop      %,8.0f blocks/s%n", naive);
            System.out.printf("  Custos verified+stored %,7.0f blocks/s  %s%n", custos, rounds(custoses));
            System.out.printf("  heap: max used %d MB, max after GC %d MB (-Xmx %d MB)%n", maxHeapUsed >> 20,
                    maxHeapAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("ratios: Custos / raw = %.0f %%, Custos / raw with %d in flight = %.0f %%, "
                    + "Custos / naive = %.1fx%n", 100 * custos / raw, LedgerSettings.DEFAULT_PREFETCH + 1,
                    100 * custos / pipelined, custos / naive);
        }
    }

    private static long maxHeapUsed;
    private static long maxHeapAfterGc;

    private static String rounds(List<Double> values) {
        return values.stream().map(v -> String.format("%,.0f", v)).toList().toString();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Blocks 1..head with their receipts, one batched request at a time; blocks per second. */
    private static double raw(Anvil anvil, long head, int batch) throws Exception {
        try (Web3jLedgerNode node = new Web3jLedgerNode(anvil.url(), Duration.ofSeconds(60), 0,
                Duration.ofMillis(100))) {
            node.blocks(1, 1);   // connection
            long got = 0;
            long t = System.nanoTime();
            for (long n = 1; n <= head; n += batch) {
                got += node.blocks(n, (int) Math.min(batch, head - n + 1)).size();
            }
            double rate = got / ((System.nanoTime() - t) / 1e9);
            if (got != head) {
                throw new IllegalStateException("raw fetch got " + got + " of " + head + " blocks");
            }
            return rate;
        }
    }

    /**
     * The same fetch with {@code inFlight} batched requests in flight (as many as the sync keeps): the fastest any
     * client of this node can fetch with that concurrency, nothing verified or stored.
     */
    private static double pipelined(Anvil anvil, long head, int batch, int inFlight) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(inFlight);
        try (Web3jLedgerNode node = new Web3jLedgerNode(anvil.url(), Duration.ofSeconds(60), 0,
                Duration.ofMillis(100))) {
            node.blocks(1, 1);
            java.util.ArrayDeque<java.util.concurrent.Future<List<RpcBlock>>> flying = new java.util.ArrayDeque<>();
            long got = 0;
            long t = System.nanoTime();
            for (long n = 1; n <= head || !flying.isEmpty(); ) {
                while (flying.size() < inFlight && n <= head) {
                    long from = n;
                    int count = (int) Math.min(batch, head - n + 1);
                    flying.add(pool.submit(() -> node.blocks(from, count)));
                    n += count;
                }
                got += flying.poll().get().size();
            }
            return got / ((System.nanoTime() - t) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double naive(Anvil anvil, int n) throws Exception {
        Web3j web3j = Web3j.build(new HttpService(anvil.url()));
        try {
            for (long b = 1; b <= Math.min(500, n); b++) {   // warm-up, untimed
                web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(b)), true).send();
                web3j.ethGetBlockReceipts(DefaultBlockParameter.valueOf(BigInteger.valueOf(b))).send();
            }
            long t = System.nanoTime();
            for (long b = 1; b <= n; b++) {
                web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(b)), true).send();
                web3j.ethGetBlockReceipts(DefaultBlockParameter.valueOf(BigInteger.valueOf(b))).send();
            }
            return n / ((System.nanoTime() - t) / 1e9);
        } finally {
            web3j.shutdown();
        }
    }

    /** One full sync into a fresh database (H2 file, or the PostgreSQL database emptied first); blocks per second. */
    private static double custos(Anvil anvil, Map<String, String> config, String jdbc, Path dir, long head,
                                 long expectedEvents, int round) throws Exception {
        Path db = null;
        String url = jdbc;
        if (url == null) {
            db = Files.createTempDirectory(dir, "h2-");
            url = "jdbc:h2:file:" + db.resolve("custos").toAbsolutePath();
        } else {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                 java.sql.Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA public CASCADE");
                st.execute("CREATE SCHEMA public");
            }
        }
        HeapSampler heap = new HeapSampler();
        System.gc();
        heap.start();
        try (TestStore store = new TestStore(url); Sync sync = new Sync(config, store)) {
            Cpu before = Cpu.now(anvil);
            long t = System.nanoTime();
            SyncEngine.RunReport report = sync.engine.runOnce(Duration.ofHours(2));
            double rate = report.blocks() / ((System.nanoTime() - t) / 1e9);
            String cpu = Cpu.now(anvil).since(before);
            long events = store.eventCount(null);
            // the ledger-wide personal-data scan's stored hits (on ordinary traffic: none expected)
            int personalData = store.personalData(0, 1_000_000).size();
            if (report.result() != SyncEngine.RunResult.CAUGHT_UP || store.blockCount() != head
                    || events != expectedEvents) {
                throw new IllegalStateException("sync did not verify the whole chain: " + report);
            }
            System.out.printf("round %d Custos verified+stored: %,8.0f blocks/s (%d blocks, %d events, %d personal-data "
                    + "hits; waiting for the node %.1f s, verifying %.1f s, storing %.1f s; %s)%n", round, rate, head,
                    events, personalData,
                    report.fetching().toMillis() / 1e3, report.verifying().toMillis() / 1e3,
                    report.storing().toMillis() / 1e3, cpu);
            return rate;
        } finally {
            heap.stop();
            maxHeapUsed = Math.max(maxHeapUsed, heap.maxUsed);
            maxHeapAfterGc = Math.max(maxHeapAfterGc, heap.maxAfterGc());
            if (db != null) {
                deleteTree(db);
            }
        }
    }

    private static void build(long target, Path state, Path facts, boolean traffic) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Anvil anvil = Anvil.startForMining()) {
            HttpService service = new HttpService(anvil.url());
            Web3j web3j = Web3j.build(service);
            SimulationRun.Result result;
            try {
                ChainWriter admin = new ChainWriter(web3j, Credentials.create(ANVIL_KEY_0), Anvil.CHAIN_ID, Gas.ANVIL);
                Plan plan = Simulator.plan(new SimulationParameters(7L, 4, 80, 12, SimulationParameters.all(0.3), 1));
                System.out.printf("simulating %d writes ...%n", plan.writes().size());
                result = SimulationRun.run(plan, service, admin, Anvil.CHAIN_ID, Gas.ANVIL);
            } finally {
                web3j.shutdown();
            }
            long head = Long.decode(json.readTree(anvil.rpc("eth_blockNumber", "[]")).get("result").asText());
            if (traffic) {
                long t = System.nanoTime();
                head = new OrdinaryTraffic(anvil, 7L).fillTo(head, target);
                System.out.printf("ordinary traffic to block %d in %.1f s%n", head, (System.nanoTime() - t) / 1e9);
            }
            while (head < target) {
                long n = Math.min(5000, target - head);
                long t = System.nanoTime();
                anvil.rpc("anvil_mine", "[\"0x" + Long.toHexString(n) + "\"]", Duration.ofMinutes(15));
                System.out.printf("(%.1f s) ", (System.nanoTime() - t) / 1e9);
                head += n;
                System.out.printf("mined to %d%n", head);
            }
            String genesis = json.readTree(anvil.rpc("eth_getBlockByNumber", "[\"0x0\",false]")).get("result")
                    .get("hash").asText();
            // the dump is one hex string of tens of MB: taken out of the answer as text (Jackson caps strings at 20 MB)
            String answer = anvil.rpc("anvil_dumpState", "[]", Duration.ofMinutes(15));
            int at = answer.indexOf("\"result\":\"") + "\"result\":\"".length();
            String dump = answer.substring(at, answer.indexOf('"', at));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Hex.decode(dump)))) {
                Files.write(state, in.readAllBytes());
            }
            Properties p = new Properties();
            p.put("head", Long.toString(head));
            p.put("genesis", genesis);
            p.put("events", Integer.toString(result.events().size()));
            p.put("registry", result.consortium().registry().toLowerCase());
            p.put("records", result.consortium().records().toLowerCase());
            p.put("accountability", result.consortium().accountability().toLowerCase());
            try (var out = Files.newOutputStream(facts)) {
                p.store(out, "chain for scripts/bench-sync.sh (state in " + state.getFileName() + ")");
            }
        }
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** CPU time used so far by this JVM (all threads, GC and JIT included) and by the anvil process. */
    private record Cpu(long jvmNanos, long anvilNanos) {

        static Cpu now(Anvil anvil) {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long anvilNanos = -1;
            try {
                // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (100 per second on Linux)
                String stat = Files.readString(Path.of("/proc/" + anvil.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                anvilNanos = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
            } catch (java.io.IOException | RuntimeException e) {
                // not Linux: anvil's share is not reported
            }
            return new Cpu(jvm, anvilNanos);
        }

        String since(Cpu before) {
            return String.format("CPU: JVM %.1f s, anvil %s", (jvmNanos - before.jvmNanos) / 1e9,
                    anvilNanos < 0 ? "unknown" : String.format("%.1f s", (anvilNanos - before.anvilNanos) / 1e9));
        }
    }

    /** Samples used heap every 20 ms; after-GC usage comes from the pools' collection usage. */
    private static final class HeapSampler {
        private volatile boolean running = true;
        private long maxUsed;
        private final AtomicLong dummy = new AtomicLong();
        private Thread thread;

        void start() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            thread = new Thread(() -> {
                while (running) {
                    maxUsed = Math.max(maxUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                    dummy.incrementAndGet();
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long maxAfterGc() {
            long sum = 0;
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            for (MemoryPoolMXBean pool : pools) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    sum += pool.getCollectionUsage().getUsed();
                }
            }
            return sum;
        }
    }
}
