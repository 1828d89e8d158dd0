package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.compliance.domain.Events.t;
import static org.custos.portal.compliance.domain.Events.word;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.compliance.domain.rules.DisclosureAccounting;
import org.custos.portal.compliance.domain.rules.ErasureCompletion;
import org.custos.portal.compliance.domain.rules.GdprBreachNotice;
import org.custos.portal.compliance.domain.rules.GdprRequestDeadline;
import org.custos.portal.compliance.domain.rules.HipaaAccessDeadline;
import org.custos.portal.compliance.domain.rules.HipaaAccountingDeadline;
import org.custos.portal.compliance.domain.rules.HipaaIndividualNotice;
import org.custos.portal.compliance.domain.rules.HipaaSecretaryNotice;
import org.custos.portal.compliance.domain.rules.CleartextPersonalData;
import org.junit.jupiter.api.Test;

/** Each deadline rule one second before and after its deadline, at month ends and in leap years. */
class RuleEdgesTest {

    private static final Instant LATER = t("2030-01-01T00:00:00Z");

    private static List<Finding> run(Rule rule, Events events, Instant asOf) {
        List<Finding> out = new ArrayList<>();
        ClinicFacts facts = events.facts(asOf);
        if (rule.appliesTo(facts.regimes().orElseThrow())) {
            rule.evaluate(facts, out);
        }
        return out;
    }

    private static Events request(int jurisdiction, boolean hipaa, int type, int regime, Instant received) {
        return new Events().admitted(jurisdiction, hipaa).add("RequestReceived", received, "requestId", word(7),
                "subjectPseudonym", word(8), "requestType", Integer.toString(type), "regime", Integer.toString(regime));
    }

    private static Events answered(Events e, Instant at) {
        return e.add("RequestAnswered", at, "requestId", word(7), "outcome", "0", "legalGround", "0", "replyHash",
                word(9));
    }

    @Test
    void gdprOneMonthClampedAtMonthEnd() {
        Instant received = t("2025-01-31T10:00:00Z");
        assertThat(run(new GdprRequestDeadline(), answered(request(0, false, 0, 0, received),
                t("2025-02-28T10:00:00Z")), LATER)).isEmpty();
        List<Finding> late = run(new GdprRequestDeadline(), answered(request(0, false, 0, 0, received),
                t("2025-02-28T10:00:01Z")), LATER);
        assertThat(late).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GDPR-DSR-01");
            assertThat(f.deadline()).isEqualTo(t("2025-02-28T10:00:00Z"));
            assertThat(f.objectKey()).isEqualTo("requestId:" + word(7));
        });
    }

    @Test
    void gdprLeapYearFebruary() {
        Instant received = t("2024-01-31T00:00:00Z");
        assertThat(run(new GdprRequestDeadline(), answered(request(0, false, 0, 0, received),
                t("2024-02-29T00:00:00Z")), LATER)).isEmpty();
        assertThat(run(new GdprRequestDeadline(), answered(request(0, false, 0, 0, received),
                t("2024-02-29T00:00:01Z")), LATER)).hasSize(1);
    }

    @Test
    void gdprExtensionNoticeInsideTheFirstMonthAllowsThree() {
        Instant received = t("2025-01-31T10:00:00Z");
        Events inTime = request(0, false, 0, 0, received).add("RequestExtended", t("2025-02-28T10:00:00Z"),
                "requestId", word(7), "reasonsHash", word(5));
        assertThat(run(new GdprRequestDeadline(), answered(inTime, t("2025-04-30T10:00:00Z")), LATER)).isEmpty();
        Events tooLateAnswer = request(0, false, 0, 0, received).add("RequestExtended", t("2025-02-28T10:00:00Z"),
                "requestId", word(7), "reasonsHash", word(5));
        assertThat(run(new GdprRequestDeadline(), answered(tooLateAnswer, t("2025-04-30T10:00:01Z")), LATER))
                .hasSize(1);
        Events lateNotice = request(0, false, 0, 0, received).add("RequestExtended", t("2025-02-28T10:00:01Z"),
                "requestId", word(7), "reasonsHash", word(5));
        assertThat(run(new GdprRequestDeadline(), answered(lateNotice, t("2025-03-15T00:00:00Z")), LATER))
                .singleElement().satisfies(f -> assertThat(f.actual()).isEqualTo(t("2025-02-28T10:00:01Z")));
    }

    @Test
    void unansweredIsAFindingOnlyOnceTheDeadlineHasPassed() {
        Events open = request(0, false, 0, 0, t("2025-01-15T00:00:00Z"));
        assertThat(run(new GdprRequestDeadline(), open, t("2025-02-15T00:00:00Z"))).isEmpty();
        assertThat(run(new GdprRequestDeadline(), open, t("2025-02-15T00:00:01Z"))).singleElement()
                .satisfies(f -> assertThat(f.actual()).isNull());
    }

    @Test
    void gdprRulesDoNotApplyToUsClinicsNorOtherRegimes() {
        Events us = answered(request(2, true, 0, 2, t("2025-01-01T00:00:00Z")), t("2025-06-01T00:00:00Z"));
        assertThat(run(new GdprRequestDeadline(), us, LATER)).isEmpty();
        assertThat(run(new GdprBreachNotice(), us, LATER)).isEmpty();
    }

    @Test
    void hipaaAccessThirtyDaysPlusThirty() {
        Instant received = t("2024-02-01T00:00:00Z");
        assertThat(run(new HipaaAccessDeadline(), answered(request(2, true, 0, 2, received),
                t("2024-03-02T00:00:00Z")), LATER)).as("30 days across a leap February").isEmpty();
        assertThat(run(new HipaaAccessDeadline(), answered(request(2, true, 0, 2, received),
                t("2024-03-02T00:00:01Z")), LATER)).hasSize(1);
        Events extended = request(2, true, 0, 2, received).add("RequestExtended", t("2024-03-02T00:00:00Z"),
                "requestId", word(7), "reasonsHash", word(5));
        assertThat(run(new HipaaAccessDeadline(), answered(extended, t("2024-04-01T00:00:00Z")), LATER)).isEmpty();
        Events extended2 = request(2, true, 0, 2, received).add("RequestExtended", t("2024-03-02T00:00:00Z"),
                "requestId", word(7), "reasonsHash", word(5));
        assertThat(run(new HipaaAccessDeadline(), answered(extended2, t("2024-04-01T00:00:01Z")), LATER)).hasSize(1);
    }

    @Test
    void hipaaAccountingSixtyDaysPlusThirty() {
        Instant received = t("2025-01-01T00:00:00Z");
        assertThat(run(new HipaaAccountingDeadline(), answered(request(2, true, 3, 2, received),
                t("2025-03-02T00:00:00Z")), LATER)).isEmpty();
        assertThat(run(new HipaaAccountingDeadline(), answered(request(2, true, 3, 2, received),
                t("2025-03-02T00:00:01Z")), LATER)).hasSize(1);
        Events extended = request(2, true, 3, 2, received).add("RequestExtended", t("2025-03-01T00:00:00Z"),
                "requestId", word(7), "reasonsHash", word(5));
        assertThat(run(new HipaaAccountingDeadline(), answered(extended, t("2025-04-01T00:00:00Z")), LATER))
                .isEmpty();
    }

    private static Events breach(int jurisdiction, boolean hipaa, Instant aware, int count, int risk) {
        return new Events().admitted(jurisdiction, hipaa).add("BreachDetected", aware.plusSeconds(3600), "breachId",
                word(4), "awareAt", Long.toString(aware.getEpochSecond()), "affectedCount", Integer.toString(count),
                "risk", Integer.toString(risk));
    }

    private static Events notified(Events e, int audience, Instant at) {
        return e.add("BreachNotified", at, "breachId", word(4), "audience", Integer.toString(audience), "noticeHash",
                word(6));
    }

    @Test
    void gdprBreach72HoursToTheSecond() {
        Instant aware = t("2025-03-29T12:00:00Z");
        assertThat(run(new GdprBreachNotice(), notified(breach(0, false, aware, 10, 1), 0,
                t("2025-04-01T12:00:00Z")), LATER)).isEmpty();
        assertThat(run(new GdprBreachNotice(), notified(breach(0, false, aware, 10, 1), 0,
                t("2025-04-01T11:59:59Z")), LATER)).isEmpty();
        assertThat(run(new GdprBreachNotice(), notified(breach(0, false, aware, 10, 1), 0,
                t("2025-04-01T12:00:01Z")), LATER)).singleElement()
                .satisfies(f -> assertThat(f.deadline()).isEqualTo(t("2025-04-01T12:00:00Z")));
        assertThat(run(new GdprBreachNotice(), breach(0, false, aware, 10, 0), LATER))
                .as("unlikely to result in a risk: no notice needed").isEmpty();
        assertThat(run(new GdprBreachNotice(), breach(1, false, aware, 10, 2), t("2025-04-01T12:00:00Z")))
                .as("UK, deadline not passed yet").isEmpty();
        assertThat(run(new GdprBreachNotice(), breach(1, false, aware, 10, 2), t("2025-04-01T12:00:01Z")))
                .hasSize(1);
    }

    @Test
    void hhsNoticeAtFiveHundred() {
        Instant aware = t("2025-01-01T00:00:00Z");
        assertThat(run(new HipaaSecretaryNotice(), breach(2, true, aware, 499, 2), LATER)).isEmpty();
        assertThat(run(new HipaaSecretaryNotice(), breach(2, true, aware, 500, 2), LATER)).singleElement()
                .satisfies(f -> assertThat(f.summary()).startsWith("No notice to the HHS Secretary of a breach (due ")
                        .endsWith(" UTC)"));
        assertThat(run(new HipaaSecretaryNotice(), notified(breach(2, true, aware, 500, 2), 1,
                t("2025-03-02T00:00:00Z")), LATER)).isEmpty();
        assertThat(run(new HipaaSecretaryNotice(), notified(breach(2, true, aware, 500, 2), 1,
                t("2025-03-02T00:00:01Z")), LATER)).hasSize(1);
        assertThat(run(new HipaaSecretaryNotice(), breach(2, false, aware, 900, 2), LATER))
                .as("not a covered entity").isEmpty();
        assertThat(run(new HipaaIndividualNotice(), notified(breach(2, true, aware, 10, 2), 2,
                t("2025-03-02T00:00:00Z")), LATER)).isEmpty();
        assertThat(run(new HipaaIndividualNotice(), notified(breach(2, true, aware, 10, 2), 2,
                t("2025-03-02T00:00:01Z")), LATER)).hasSize(1);
    }

    @Test
    void erasureKeysDestroyedByTheMonthDeadline() {
        Instant received = t("2025-01-31T09:00:00Z");
        Events e = new Events().admitted(0, false)
                .add("KeyRegistered", t("2025-01-02T00:00:00Z"), "keyId", word(21), "subjectPseudonym", word(8),
                        "keyCommitment", word(1))
                .add("RequestReceived", received, "requestId", word(7), "subjectPseudonym", word(8), "requestType", "1",
                        "regime", "0")
                .add("RequestAnswered", t("2025-02-10T00:00:00Z"), "requestId", word(7), "outcome", "0",
                        "legalGround", "0", "replyHash", word(9));
        Events inTime = copyWithDestroy(e, t("2025-02-28T09:00:00Z"));
        assertThat(run(new ErasureCompletion(), inTime, LATER)).isEmpty();
        Events late = copyWithDestroy(e, t("2025-02-28T09:00:01Z"));
        assertThat(run(new ErasureCompletion(), late, LATER)).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualTo(t("2025-02-28T09:00:01Z")));
        assertThat(run(new ErasureCompletion(), e, t("2025-02-28T09:00:00Z"))).as("not yet due").isEmpty();
        assertThat(run(new ErasureCompletion(), e, t("2025-02-28T09:00:01Z"))).singleElement()
                .satisfies(f -> assertThat(f.actual()).isNull());
    }

    private static Events copyWithDestroy(Events base, Instant at) {
        Events e = new Events();
        for (var ev : base.facts(LATER).events()) {
            e.add(ev.name(), ev.time(), flatten(ev.fields()));
        }
        return e.add("KeyDestroyed", at, "keyId", word(21), "kmsDeletionReceiptHash", word(22));
    }

    private static String[] flatten(java.util.Map<String, String> fields) {
        List<String> out = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (!k.equals("clinicId")) {
                out.add(k);
                out.add(v);
            }
        });
        return out.toArray(new String[0]);
    }

    @Test
    void basisSchemeAndRefusalGround() {
        Events e = new Events().admitted(0, false)
                .add("RecordCommitted", t("2025-01-02T00:00:00Z"), "recordId", word(41), "commitment", word(1),
                        "scheme", "1", "keyId", word(2), "purposeId", "1", "basisCode", "257", "dataCategory", "1")
                .add("RecordCommitted", t("2025-01-02T00:00:01Z"), "recordId", word(42), "commitment", word(1),
                        "scheme", "0", "keyId", word(2), "purposeId", "1", "basisCode", "512", "dataCategory", "1")
                .add("RequestReceived", t("2025-01-03T00:00:00Z"), "requestId", word(7), "subjectPseudonym", word(8),
                        "requestType", "1", "regime", "0")
                .add("RequestAnswered", t("2025-01-04T00:00:00Z"), "requestId", word(7), "outcome", "2",
                        "legalGround", "0", "replyHash", word(9));
        assertThat(run(new org.custos.portal.compliance.domain.rules.LawfulBasis(), e, LATER)).singleElement()
                .satisfies(f -> assertThat(f.objectKey()).isEqualTo("recordId:" + word(42)));
        assertThat(run(new org.custos.portal.compliance.domain.rules.CommitmentScheme(), e, LATER)).singleElement()
                .satisfies(f -> assertThat(f.objects()).containsEntry("scheme", "0"));
        assertThat(run(new org.custos.portal.compliance.domain.rules.ErasureRefusalGround(), e, LATER))
                .singleElement().satisfies(f -> assertThat(f.objects()).containsEntry("outcome", "REFUSED"));
    }

    @Test
    void incompleteDisclosuresAndCleartext() {
        Events e = new Events().admitted(2, true)
                .add("DisclosureRecorded", t("2025-01-02T00:00:00Z"), "disclosureId", word(31), "subjectPseudonym",
                        word(8), "recipientId", word(0), "purposeId", "0", "dataCategory", "3")
                .add("DisclosureRecorded", t("2025-01-03T00:00:00Z"), "disclosureId", word(32), "subjectPseudonym",
                        word(8), "recipientId", word(77), "purposeId", "2", "dataCategory", "3");
        assertThat(run(new DisclosureAccounting(), e, LATER)).singleElement()
                .satisfies(f -> assertThat(f.objects()).containsEntry("missing", "recipientId,purposeId"));
        String email = "0x" + org.custos.verify.Hex.encode("pat.1@mail.example".getBytes()) + "00".repeat(14);
        Events pii = new Events().admitted(0, false).add("DisclosureRecorded", t("2025-01-02T00:00:00Z"),
                "disclosureId", word(31), "subjectPseudonym", word(8), "recipientId", email, "purposeId", "2",
                "dataCategory", "3");
        assertThat(run(new CleartextPersonalData(), pii, LATER)).singleElement()
                .satisfies(f -> assertThat(f.objectKey()).isEqualTo("disclosureId:" + word(31) + "/recipientId"));
    }
}
