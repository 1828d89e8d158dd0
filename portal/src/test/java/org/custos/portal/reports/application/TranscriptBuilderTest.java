package org.custos.portal.reports.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evidence a report embeds, built from a node that serves the real blocks 0-9 of the demo chain
 * (vectors/custos-demo, see its NOTE): an honest node gives a transcript ledger-verifier verifies; a node that
 * lies in any way the builder can meet is refused with the block it lied about, and nothing is returned to sign.
 */
class TranscriptBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private List<Map<String, Object>> blocks;
    private List<List<Map<String, Object>>> receipts;
    private Map<Long, String> verified;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void load() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/vectors/custos-demo/demo-chain-0-9.json")) {
            Map<String, Object> vector = JSON.readValue(in, Map.class);
            blocks = new ArrayList<>();
            receipts = new ArrayList<>();
            verified = new HashMap<>();
            for (Object entry : (List<Object>) vector.get("blocks")) {
                Map<String, Object> e = (Map<String, Object>) entry;
                Map<String, Object> block = (Map<String, Object>) e.get("block");
                blocks.add(block);
                receipts.add((List<Map<String, Object>>) e.get("receipts"));
                verified.put((long) blocks.size() - 1, (String) block.get("hash"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anHonestNodeGivesATranscriptThatVerifies() throws Exception {
        TranscriptBuilder.Built built = builder(new Node()).build(9, List.of(event9()), Set.of(3L), (d, t) -> { }, dir.resolve("evidence.json"));
        assertThat(built.verdict().verified()).as(built.verdict().toString()).isTrue();
        assertThat(built.blocks()).isEqualTo(10);
        assertThat(built.bodies()).isEqualTo(2);
        assertThat(built.events()).isEqualTo(1);
        Map<?, ?> written = JSON.readValue(built.file().toFile(), Map.class);
        assertThat(written.get("version")).isEqualTo("custos-evidence/1");
        assertThat((List<?>) written.get("events")).hasSize(1);
        // the file is the evidence ledger-verifier re-verifies, not just what was verified in passing
        assertThat(org.custos.verify.evidence.TranscriptVerifier.verify((Map<String, ?>) written).verified()).isTrue();
        List<?> entries = (List<?>) written.get("blocks");
        Map<?, ?> headerOnly = (Map<?, ?>) ((Map<?, ?>) entries.get(5)).get("block");
        assertThat(headerOnly.containsKey("transactions")).isFalse();
        Map<?, ?> withBody = (Map<?, ?>) ((Map<?, ?>) entries.get(9)).get("block");
        assertThat((List<?>) withBody.get("transactions")).hasSize(1);
        // members no root commits to are left out
        assertThat(((Map<?, ?>) ((List<?>) withBody.get("transactions")).get(0)).containsKey("from")).isFalse();
    }

    @Test
    void progressCountsEveryBlock() throws Exception {
        List<Long> seen = new ArrayList<>();
        builder(new Node()).build(9, List.of(), Set.of(), (done, total) -> {
            seen.add(done);
            assertThat(total).isEqualTo(10);
        }, dir.resolve("evidence.json"));
        assertThat(seen).last().isEqualTo(10L);
    }

    @Test
    void aNodeServingAnotherHashThanTheVerifiedChainIsRefused() {
        verified.put(4L, "0x" + "ab".repeat(32));
        assertThatThrownBy(() -> builder(new Node()).build(9, List.of(), Set.of(), (d, t) -> { }, dir.resolve("evidence.json")))
                .isInstanceOf(TranscriptBuilder.EvidenceException.class).hasMessageContaining("block 4");
    }

    @Test
    void aHeaderChangedUnderTheVerifiedHashDoesNotVerify() {
        blocks.get(6).put("stateRoot", "0x" + "11".repeat(32));
        assertThatThrownBy(() -> builder(new Node()).build(9, List.of(), Set.of(), (d, t) -> { }, dir.resolve("evidence.json")))
                .isInstanceOf(TranscriptBuilder.EvidenceException.class).hasMessageContaining("does not verify")
                .hasMessageContaining("6");
    }

    @Test
    void aMissingBlockIsRefused() {
        Node node = new Node();
        node.missing = 7;
        assertThatThrownBy(() -> builder(node).build(9, List.of(), Set.of(), (d, t) -> { }, dir.resolve("evidence.json")))
                .isInstanceOf(TranscriptBuilder.EvidenceException.class).hasMessageContaining("no block 7");
    }

    @Test
    void aCitedEventTheReceiptsDoNotHoldDoesNotVerify() {
        VerifiedEvent real = event9();
        VerifiedEvent forged = new VerifiedEvent(9, 0, 0, real.getTxHash(), real.getContract(), "registry",
                real.getEventName(), null, "{}", real.getTopics(), real.getData().substring(0, real.getData().length() - 2)
                + "ff", Instant.EPOCH);
        assertThatThrownBy(() -> builder(new Node()).build(9, List.of(forged), Set.of(), (d, t) -> { }, dir.resolve("evidence.json")))
                .isInstanceOf(TranscriptBuilder.EvidenceException.class).hasMessageContaining("does not verify");
    }

    @Test
    void anEventOutsideTheVerifiedRangeIsRefused() {
        VerifiedEvent real = event9();
        assertThatThrownBy(() -> builder(new Node()).build(8, List.of(real), Set.of(), (d, t) -> { }, dir.resolve("evidence.json")))
                .isInstanceOf(TranscriptBuilder.EvidenceException.class).hasMessageContaining("outside");
    }

    @Test
    void nothingVerifiedYetIsRefused() {
        LedgerSettings settings = settings(3);
        assertThatThrownBy(() -> new TranscriptBuilder(new Node(), settings, verified::get)
                .build(2, List.of(), Set.of(), (d, t) -> { }, dir.resolve("evidence.json")))
                .isInstanceOf(TranscriptBuilder.EvidenceException.class).hasMessageContaining("before the checkpoint");
    }

    @SuppressWarnings("unchecked")
    private VerifiedEvent event9() {
        Map<String, Object> log = (Map<String, Object>) ((List<Object>) receipts.get(9).get(0).get("logs")).get(0);
        return new VerifiedEvent(9, 0, 0, (String) log.get("transactionHash"), (String) log.get("address"),
                "registry", "ClinicAdmitted", null, "{}", String.join(",", (List<String>) log.get("topics")),
                (String) log.get("data"), Instant.EPOCH);
    }

    private TranscriptBuilder builder(LedgerNode node) {
        return new TranscriptBuilder(node, settings(0), verified::get);
    }

    private LedgerSettings settings(long checkpoint) {
        Map<String, String> c = new HashMap<>();
        c.put(LedgerSettings.CHECKPOINT, checkpoint + ":" + blocks.get((int) checkpoint).get("hash"));
        c.put(LedgerSettings.CONSENSUS, "DEV");
        c.put(LedgerSettings.REGISTRY, "0x" + "01".repeat(20));
        c.put(LedgerSettings.RECORDS, "0x" + "02".repeat(20));
        c.put(LedgerSettings.ACCOUNTABILITY, "0x" + "03".repeat(20));
        return LedgerSettings.from(k -> Optional.ofNullable(c.get(k)));
    }

    /** Serves the vector's blocks, as anvil served them, with one block optionally missing. */
    private final class Node implements LedgerNode {
        long missing = -1;

        @Override
        public String name() {
            return "vector";
        }

        @Override
        public long chainId() {
            return 4242;
        }

        @Override
        public long headNumber() {
            return 9;
        }

        @Override
        public List<RpcBlock> blocks(long from, int count) {
            List<RpcBlock> out = new ArrayList<>();
            for (long n = from; n < from + count && n < blocks.size() && n != missing; n++) {
                out.add(new RpcBlock(n, new LinkedHashMap<>(blocks.get((int) n)), receipts.get((int) n)));
            }
            return out;
        }

        @Override
        public List<Map<String, Object>> headers(long from, int count) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (long n = from; n < from + count; n++) {
                out.add(n >= blocks.size() || n == missing ? null : new LinkedHashMap<>(blocks.get((int) n)));
            }
            return out;
        }

        @Override
        public Map<String, Object> proof(String address, List<String> slots, long block) {
            throw new UnsupportedOperationException();
        }
    }
}
