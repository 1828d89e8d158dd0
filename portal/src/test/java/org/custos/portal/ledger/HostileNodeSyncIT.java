package org.custos.portal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.application.SyncEngine.RunResult;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.ledger.testing.Sync;
import org.custos.portal.ledger.testing.TamperingProxy;
import org.custos.portal.ledger.testing.TamperingProxy.Broken;
import org.custos.portal.ledger.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The portal's sync behind a hostile node (issue 13 B8), on the demo chain in a real anvil behind the
 * {@link TamperingProxy}: broken HTTP answers (a header line without a colon, {@code Content-Length: 5000000000},
 * a 3 GiB chunked answer, a node trickling a byte a second, 200,000 nested arrays, half an answer, not JSON) and
 * malformed JSON-RPC values (a log that is a string, nulls, a hash in place of an object). Each gives the endpoint an
 * "unreachable" status with the reason in words, or an integrity alert at the block; nothing from the bad batch on
 * is stored, no error escapes the run, and once the node behaves the same engine syncs on to exactly the index of an
 * undisturbed sync.
 */
class HostileNodeSyncIT {

    /** Block batches from this block on are broken; the batches below it are verified and stored first. */
    private static final long BAD = 301;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static DemoFixture fixture;
    private static Anvil anvil;
    private static List<String> reference;

    @BeforeAll
    static void undisturbed() throws Exception {
        fixture = DemoFixture.get();
        anvil = Anvil.startFixture(fixture.stateFile);
        try (TestStore store = store(); Sync sync = new Sync(config(anvil.url()), store)) {
            assertThat(untilCaughtUp(sync).result()).isEqualTo(RunResult.CAUGHT_UP);
            reference = store.snapshot();
        }
        assertThat(reference).isNotEmpty();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    private static TestStore store() {
        return new TestStore("jdbc:h2:mem:hostile-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    /** Batches of 50; read timeout 3 s (longer than the trickle's second), deadline 6 s per call, one retry. */
    private static Map<String, String> config(String url) {
        Map<String, String> c = fixture.config(url);
        c.put("custos.ledger.sync.batch-size", "50");
        c.put("custos.ledger.timeout-seconds", "3");
        c.put("custos.ledger.call-timeout-seconds", "6");
        c.put("custos.ledger.retries", "1");
        c.put("custos.ledger.retry-backoff-ms", "50");
        return c;
    }

    private static SyncEngine.RunReport untilCaughtUp(Sync sync) {
        SyncEngine.RunReport report = sync.run();
        for (int runs = 1; report.result() == RunResult.BUDGET_USED && runs < 20; runs++) {
            report = sync.run();
        }
        return report;
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void aBrokenAnswerIsAnUnreachableStatusWithItsReasonAndTheSyncResumesOnceTheNodeBehaves(Broken broken)
            throws Exception {
        String reason = switch (broken) {
            case HEADER_WITHOUT_COLON -> "a header line without a colon";
            case HUGE_CONTENT_LENGTH -> "announced an answer of 5000000000 bytes; the limit is";
            case ENDLESS_CHUNKED -> "sent an answer of more than";
            case TRICKLE -> "no complete answer within the deadline of 6 s";
            case DEEP_NESTING -> "exceeds a JSON limit: Document nesting depth";
            case TRUNCATED -> "unexpected end of stream";
            case NOT_JSON -> "not the JSON-RPC expected";
        };
        try (TamperingProxy proxy = new TamperingProxy(anvil.url()); TestStore store = store();
             Sync sync = new Sync(config(proxy.url()), store)) {
            proxy.breakWith(broken, TamperingProxy.blockBatchesFrom(BAD));
            SyncEngine.RunReport report = sync.run();

            assertThat(report.result()).as(report.message()).isEqualTo(RunResult.UNREACHABLE);
            assertThat(report.message()).contains(proxy.url()).contains(reason);
            SyncEngine.EndpointStatus endpoint = sync.engine.endpoints().get(0);
            assertThat(endpoint.reachable()).isFalse();
            assertThat(endpoint.error()).contains(reason);
            assertThat(endpoint.unreachableSince()).isNotNull();
            SyncState state = store.state().orElseThrow();
            assertThat(state.getLastError()).contains(reason);
            assertThat(state.getVerifiedNumber()).isEqualTo(BAD - 1);
            assertThat(store.alertCount()).isZero();
            assertThat(store.snapshot()).isEqualTo(prefix(BAD - 1));
            assertThat(proxy.brokenAnswers()).isPositive();
            if (broken == Broken.ENDLESS_CHUNKED) {
                // the reader stopped at the limit (4 MiB here): far from the 3 GiB the node would send
                assertThat(proxy.endlessBytesSent()).isLessThan(64L << 20);
            }
            if (broken == Broken.TRICKLE) {
                // cut off by the deadline (two tries of 6 s), not held for the answer's 10^5 seconds
                assertThat(report.took()).isLessThan(Duration.ofSeconds(40));
            }

            proxy.breakWith(null, null);
            SyncEngine.RunReport healed = untilCaughtUp(sync);
            assertThat(healed.result()).as(healed.message()).isEqualTo(RunResult.CAUGHT_UP);
            assertThat(store.snapshot()).isEqualTo(reference);
            assertThat(sync.engine.endpoints().get(0).reachable()).isTrue();
        }
    }

    /** The node's answer for block {@code n}: malformed JSON-RPC values a lying node sends. */
    static Stream<Arguments> malformedValues() throws Exception {
        long b = firstEventBlockFrom(BAD + 10);
        return Stream.of(
                Arguments.of("a log that is a string", b, lie("eth_getBlockReceipts", b, result -> {
                    ArrayNode logs = (ArrayNode) firstWithLogs(result).get("logs");
                    logs.set(0, TextNode.valueOf("0x" + "ab".repeat(32)));
                })),
                Arguments.of("a log that is null", b, lie("eth_getBlockReceipts", b,
                        result -> ((ArrayNode) firstWithLogs(result).get("logs")).set(0, NullNode.getInstance()))),
                Arguments.of("a receipt that is null", b, lie("eth_getBlockReceipts", b,
                        result -> ((ArrayNode) result).set(0, NullNode.getInstance()))),
                Arguments.of("logs that are a number", b, lie("eth_getBlockReceipts", b,
                        result -> firstWithLogs(result).put("logs", 7))),
                Arguments.of("a transaction hash in place of the transaction", b, lie("eth_getBlockByNumber", b,
                        result -> {
                            ArrayNode txs = (ArrayNode) result.get("transactions");
                            txs.set(0, txs.get(0).get("hash"));
                        })),
                Arguments.of("a null transaction", b, lie("eth_getBlockByNumber", b,
                        result -> ((ArrayNode) result.get("transactions")).set(0, NullNode.getInstance()))),
                Arguments.of("a null stateRoot", b, lie("eth_getBlockByNumber", b,
                        result -> ((ObjectNode) result).putNull("stateRoot"))),
                Arguments.of("transactions that are an object", b, lie("eth_getBlockByNumber", b,
                        result -> ((ObjectNode) result).set("transactions", JsonNodeFactory.instance.objectNode()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedValues")
    void aMalformedValueIsAnAlertOrAnUnreachableStatusAtItsBlockAndNothingFromItIsStored(String lie, long bad,
            BiConsumer<JsonNode, JsonNode> tamper) throws Exception {
        try (TamperingProxy proxy = new TamperingProxy(anvil.url()); TestStore store = store();
             Sync sync = new Sync(config(proxy.url()), store)) {
            proxy.tamper(tamper);
            SyncEngine.RunReport report = sync.run();
            long verified = store.state().orElseThrow().getVerifiedNumber();
            if (report.result() == RunResult.HALTED) {
                // a claim the verifier refuses: an integrity alert naming the block, its field and why
                IntegrityAlert alert = store.alerts(0, 10).get(0);
                assertThat(alert.getBlockNumber()).as(report.message()).isEqualTo(bad);
                assertThat(alert.getReason()).isNotBlank();
                assertThat(alert.getActual()).isNotBlank();
                assertThat(verified).isEqualTo(bad - 1);
            } else {
                // an answer the client cannot read as blocks and receipts: the endpoint's status says which
                assertThat(report.result()).as(report.message()).isEqualTo(RunResult.UNREACHABLE);
                assertThat(report.message()).containsPattern("block[s]? " + (bad - (bad - 1) % 50) + "\\b|block "
                        + bad + "\\b");
                assertThat(sync.engine.endpoints().get(0).reachable()).isFalse();
                assertThat(store.alertCount()).isZero();
                assertThat(verified).isEqualTo(bad - 1 - (bad - 1) % 50);   // the batches before the bad one
            }
            assertThat(store.snapshot()).isEqualTo(prefix(verified));

            proxy.tamper((request, response) -> { });
            SyncEngine.RunReport healed = untilCaughtUp(sync);
            assertThat(healed.result()).as(healed.message()).isEqualTo(RunResult.CAUGHT_UP);
            assertThat(store.snapshot()).isEqualTo(reference);
        }
    }

    private static BiConsumer<JsonNode, JsonNode> lie(String method, long block,
                                                      java.util.function.Consumer<JsonNode> change) {
        return (request, response) -> {
            JsonNode result = TamperingProxy.resultFor(request, response, method, block);
            if (result != null && !result.isNull()) {
                change.accept(result);
            }
        };
    }

    private static ObjectNode firstWithLogs(JsonNode receipts) {
        for (JsonNode r : receipts) {
            if (r.path("logs").size() > 0) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no receipt with logs");
    }

    /** The first block at or after {@code from} with an event (so that its receipts carry a log). */
    private static long firstEventBlockFrom(long from) {
        for (String line : reference) {
            if (line.startsWith("E ")) {
                long block = Long.parseLong(line.substring(2, line.indexOf('|'))) / VerifiedEvent.LOGS_PER_BLOCK;
                if (block >= from) {
                    return block;
                }
            }
        }
        throw new IllegalStateException("no event at or after block " + from);
    }

    /** The undisturbed index up to block {@code last}. */
    private static List<String> prefix(long last) {
        return reference.stream().filter(l -> blockOf(l) <= last).toList();
    }

    private static long blockOf(String snapshotLine) {
        long key = Long.parseLong(snapshotLine.substring(2, snapshotLine.indexOf('|')));
        return snapshotLine.startsWith("E ") ? key / VerifiedEvent.LOGS_PER_BLOCK : key;
    }
}
