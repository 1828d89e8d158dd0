package org.custos.portal.ledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consortium's committed demo fixture ({@code consortium/fixtures/demo}: anvil state dump, xz-compressed, and
 * {@code scenario.json} with contract addresses, genesis and head, block and event counts from the simulator).
 * The directory comes from the system property {@code custos.fixture.dir} (set by failsafe in portal/pom.xml).
 */
public final class DemoFixture {

    private static DemoFixture instance;

    public final Path stateFile;
    public final String genesisHash;
    public final long head;
    public final String headHash;
    public final long blocks;
    public final long events;
    public final Map<String, Long> eventsByName = new LinkedHashMap<>();
    public final Map<String, Long> eventsByClinic = new LinkedHashMap<>();
    /** Clinic ids in the fixture's index order. */
    public final List<String> clinicIds = new ArrayList<>();
    public final String registry;
    public final String records;
    public final String accountability;

    private DemoFixture(Path dir, Path state) throws IOException {
        JsonNode s = new ObjectMapper().readTree(dir.resolve("scenario.json").toFile());
        this.stateFile = state;
        this.genesisHash = s.get("genesis").get("hash").asText();
        this.head = s.get("head").get("number").asLong();
        this.headHash = s.get("head").get("hash").asText();
        this.blocks = s.get("blocks").asLong();
        this.events = s.get("events").get("total").asLong();
        s.get("events").get("byName").fields().forEachRemaining(e -> eventsByName.put(e.getKey(), e.getValue().asLong()));
        List<String> byIndex = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("events").get("byClinic").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            eventsByClinic.put(e.getKey(), e.getValue().get("total").asLong());
            int index = e.getValue().get("index").asInt();
            while (byIndex.size() <= index) {
                byIndex.add(null);
            }
            byIndex.set(index, e.getKey());
        }
        clinicIds.addAll(byIndex);
        this.registry = s.get("contracts").get("registry").asText().toLowerCase();
        this.records = s.get("contracts").get("records").asText().toLowerCase();
        this.accountability = s.get("contracts").get("accountability").asText().toLowerCase();
    }

    public static synchronized DemoFixture get() throws IOException, InterruptedException {
        if (instance == null) {
            Path dir = Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo"));
            Path xz = dir.resolve("anvil-state.json.xz");
            if (!Files.isRegularFile(xz)) {
                throw new IllegalStateException("demo fixture missing: " + xz);
            }
            Path state = Files.createTempFile("custos-demo-state", ".json");
            state.toFile().deleteOnExit();
            Process p = new ProcessBuilder("xz", "-dc", xz.toString()).redirectOutput(state.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("xz could not decompress " + xz);
            }
            instance = new DemoFixture(dir, state);
        }
        return instance;
    }

    /** Configuration for this chain as MicroProfile Config keys. */
    public Map<String, String> config(String urls) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("custos.ledger.urls", urls);
        c.put("custos.ledger.checkpoint", "0:" + genesisHash);
        c.put("custos.ledger.consensus", "DEV");
        c.put("custos.ledger.contracts.registry", registry);
        c.put("custos.ledger.contracts.records", records);
        c.put("custos.ledger.contracts.accountability", accountability);
        return c;
    }
}
