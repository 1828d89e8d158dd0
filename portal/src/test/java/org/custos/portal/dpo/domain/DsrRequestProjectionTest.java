package org.custos.portal.dpo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.portal.dpo.domain.RequestEvents.NORTH;
import static org.custos.portal.dpo.domain.RequestEvents.id;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.compliance.domain.rules.GdprRequestDeadline;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.junit.jupiter.api.Test;

/**
 * The queue's rows from proven events: one per request id (its first RequestReceived), its first extension and
 * answer, the clock of its declared regime and type, the state as of the rules' "now", and agreement with the rule
 * GDPR-DSR-01 over many random requests.
 */
class DsrRequestProjectionTest {

    private static final Instant JAN31 = Instant.parse("2025-01-31T10:00:00Z");
    private static final Instant FEB28 = Instant.parse("2025-02-28T10:00:00Z");
    private static final Instant APR30 = Instant.parse("2025-04-30T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-01T00:00:00Z");

    private static Map<String, DsrRequest> byId(List<DsrRequest> rows) {
        return rows.stream().collect(Collectors.toMap(DsrRequest::getRequestId, Function.identity()));
    }

    @Test
    void aRequestCarriesItsEventsItsDeadlineAndItsState() {
        RequestEvents e = new RequestEvents(NORTH).received(1, JAN31, 1, 0).extended(1, FEB28)
                .answered(1, APR30.plusSeconds(1), 0);
        DsrRequest r = DsrRequestProjection.project(NORTH, e.list(), LATER).get(0);
        ProvenEvent received = e.list().get(0);
        assertThat(r.getClinicId()).isEqualTo(NORTH);
        assertThat(r.getRequestId()).isEqualTo(id(1));
        assertThat(r.getSubjectPseudonym()).isEqualTo(RequestEvents.subject(1));
        assertThat(r.getRequestType()).isEqualTo("ERASURE");
        assertThat(r.getRegime()).isEqualTo("GDPR");
        assertThat(r.getBasis()).isEqualTo("GDPR Art 12(3)");
        assertThat(r.getReceivedAt()).isEqualTo(JAN31);
        assertThat(r.getReceivedEvent()).isEqualTo(received.id());
        assertThat(r.getReceivedBlock()).isEqualTo(received.block());
        assertThat(r.getReceivedTx()).isEqualTo(received.txHash());
        assertThat(r.getFirstDeadline()).isEqualTo(FEB28);
        assertThat(r.getDeadline()).as("notice at the first period's last second").isEqualTo(APR30);
        assertThat(r.isExtended()).isTrue();
        assertThat(r.isLateNotice()).isFalse();
        assertThat(r.getExtensionEvent()).isEqualTo(e.list().get(1).id());
        assertThat(r.getAnsweredAt()).isEqualTo(APR30.plusSeconds(1));
        assertThat(r.getAnswerEvent()).isEqualTo(e.list().get(2).id());
        assertThat(r.getOutcome()).isEqualTo("FULFILLED");
        assertThat(r.getLegalGround()).isEqualTo(3);
        assertThat(r.getState()).isEqualTo(State.ANSWERED_LATE);
        assertThat(r.getDaysLate()).isEqualTo(1L);
        assertThat(r.getDaysLeft()).isNull();
        assertThat(r.getAsOf()).isEqualTo(LATER);
    }

    @Test
    void aRepeatedIdIsJudgedOnItsFirstEventsAndOrphansAreNoRequests() {
        RequestEvents e = new RequestEvents(NORTH).received(1, JAN31, 0, 0).received(1, FEB28, 3, 2)
                .answered(1, Instant.parse("2025-02-10T00:00:00Z"), 2).answered(1, APR30, 0)
                .extended(1, Instant.parse("2025-03-05T00:00:00Z")).extended(1, Instant.parse("2025-02-01T00:00:00Z"))
                .answered(9, JAN31, 0).extended(9, JAN31);
        List<DsrRequest> rows = DsrRequestProjection.project(NORTH, e.list(), LATER);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getReceivedAt()).isEqualTo(JAN31);
            assertThat(r.getRequestType()).isEqualTo("ACCESS");
            assertThat(r.getOutcome()).isEqualTo("REFUSED");
            assertThat(r.getAnsweredAt()).isEqualTo(Instant.parse("2025-02-10T00:00:00Z"));
            assertThat(r.isLateNotice()).as("the first notice counts, and it came after month one").isTrue();
            assertThat(r.isExtended()).isFalse();
            assertThat(r.getDeadline()).isEqualTo(FEB28);
            assertThat(r.getState()).isEqualTo(State.ANSWERED_ON_TIME);
        });
    }

    @Test
    void openRequestsAreOnTrackDueSoonOrLateAsOfTheRulesNow() {
        RequestEvents e = new RequestEvents(NORTH).received(1, JAN31, 0, 0);
        assertThat(DsrRequestProjection.project(NORTH, e.list(), FEB28.minus(Duration.ofDays(8))).get(0).getState())
                .isEqualTo(State.ON_TRACK);
        DsrRequest soon = DsrRequestProjection.project(NORTH, e.list(), FEB28.minus(Duration.ofDays(7))).get(0);
        assertThat(soon.getState()).isEqualTo(State.DUE_SOON);
        assertThat(soon.getDaysLeft()).isEqualTo(7L);
        assertThat(DsrRequestProjection.project(NORTH, e.list(), FEB28).get(0).getState()).isEqualTo(State.DUE_SOON);
        DsrRequest late = DsrRequestProjection.project(NORTH, e.list(), FEB28.plusSeconds(1)).get(0);
        assertThat(late.getState()).isEqualTo(State.LATE);
        assertThat(late.getDaysLate()).isEqualTo(1L);
    }

    @Test
    void requestsWithoutAClockHaveNoDeadlineAndUnknownCodesAreNamed() {
        RequestEvents e = new RequestEvents(NORTH).received(1, JAN31, 1, 2).received(2, JAN31, 1, 2)
                .answered(2, FEB28, 0).received(3, JAN31, 7, 0).received(4, JAN31, 0, 5).received(5, JAN31, 2, 2)
                .answered(6, JAN31, 9).received(6, JAN31, 3, 2);
        Map<String, DsrRequest> rows = byId(DsrRequestProjection.project(NORTH, e.list(), LATER));
        assertThat(rows.get(id(1)).getState()).as("HIPAA erasure").isEqualTo(State.OPEN_NO_DEADLINE);
        assertThat(rows.get(id(1)).getDeadline()).isNull();
        assertThat(rows.get(id(1)).getBasis()).isNull();
        assertThat(rows.get(id(1)).getDaysLeft()).isNull();
        assertThat(rows.get(id(1)).getDaysLate()).isNull();
        assertThat(rows.get(id(2)).getState()).isEqualTo(State.ANSWERED_NO_DEADLINE);
        assertThat(rows.get(id(3)).getRequestType()).isEqualTo("UNKNOWN(7)");
        assertThat(rows.get(id(3)).getBasis()).as("Art 12(3) covers every request").isEqualTo("GDPR Art 12(3)");
        assertThat(rows.get(id(4)).getRegime()).isEqualTo("UNKNOWN(5)");
        assertThat(rows.get(id(4)).getState()).isEqualTo(State.OPEN_NO_DEADLINE);
        assertThat(rows.get(id(5)).getBasis()).as("HIPAA amendment").isEqualTo("45 CFR 164.526(b)(2)");
        assertThat(rows.get(id(6)).getOutcome()).as("answer before receipt in chain order").isEqualTo("UNKNOWN(9)");
        assertThat(rows.get(id(6)).getBasis()).isEqualTo("45 CFR 164.528(c)");
    }

    @Test
    void noEventsNoRowsAndNoTimeIsRefused() {
        assertThat(DsrRequestProjection.project(NORTH, List.of(), LATER)).isEmpty();
        assertThatThrownBy(() -> DsrRequestProjection.project(NORTH, List.of(), null))
                .isInstanceOf(NullPointerException.class);
    }

    /**
     * At an EU clinic, over random GDPR requests (answers and notices early, at the edges and late, or missing), the
     * queue's late rows and late notices are exactly the requests GDPR-DSR-01 reports.
     */
    @Test
    void theQueueAgreesWithTheDeadlineRule() {
        Random random = new Random(15);
        RequestEvents e = new RequestEvents(NORTH);
        e.add("ClinicAdmitted", Instant.parse("2024-01-01T00:00:00Z"), "jurisdiction", "0", "hipaaCoveredEntity",
                "false", "writer", "0x" + "22".repeat(20), "kmsAttestationKey", "0x" + "33".repeat(20), "logSigner",
                "0x" + "44".repeat(20));
        Instant asOf = Instant.parse("2025-09-01T00:00:00Z");
        for (int n = 1; n <= 600; n++) {
            Instant received = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(240 * 86_400));
            e.received(n, received, random.nextInt(4), 0);
            Instant first = received.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
            Instant[] choices = {first.minusSeconds(1), first, first.plusSeconds(1),
                    first.plus(Duration.ofDays(random.nextInt(70))), received.plusSeconds(random.nextInt(86_400))};
            if (random.nextBoolean()) {
                e.extended(n, choices[random.nextInt(choices.length)]);
            }
            if (random.nextInt(4) > 0) {
                e.answered(n, choices[random.nextInt(choices.length)].plus(Duration.ofDays(random.nextInt(3) * 30)),
                        random.nextInt(3));
            }
        }
        List<Finding> findings = new ArrayList<>();
        new GdprRequestDeadline().evaluate(new ClinicFacts(NORTH, e.list(), null, null, asOf), findings);
        Set<String> reported = findings.stream().map(f -> f.objects().get("requestId")).collect(Collectors.toSet());
        List<DsrRequest> rows = DsrRequestProjection.project(NORTH, e.list(), asOf);
        Set<String> late = rows.stream().filter(r -> r.getState() == State.LATE || r.getState() == State.ANSWERED_LATE
                || r.isLateNotice()).map(DsrRequest::getRequestId).collect(Collectors.toSet());
        assertThat(rows).hasSize(600);
        assertThat(late).isNotEmpty().hasSizeLessThan(600).isEqualTo(reported);
        Map<String, Finding> byRequest = findings.stream()
                .collect(Collectors.toMap(f -> f.objects().get("requestId"), Function.identity()));
        for (DsrRequest r : rows) {
            if (byRequest.containsKey(r.getRequestId())) {
                assertThat(byRequest.get(r.getRequestId()).deadline()).isEqualTo(r.getDeadline());
            }
        }
    }
}
