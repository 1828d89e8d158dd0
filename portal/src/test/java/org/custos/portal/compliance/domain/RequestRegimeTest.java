package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.compliance.domain.Events.t;
import static org.custos.portal.compliance.domain.Events.word;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which rules a data-subject request meets: the clinic's profile selects the deadline rules (GDPR by EU
 * establishment, UK GDPR by UK establishment, HIPAA by the covered-entity declaration), whatever regime the request
 * declares; a declared regime that does not bind the clinic is APP-01 (GDPR, UK GDPR) or APP-02 (HIPAA). Run through
 * the whole standard engine, as the probes were. Codes: jurisdiction 0 EU, 1 UK, 2 US; regime 0 GDPR,
 * 1 UK_GDPR, 2 HIPAA; request type 0 access, 1 erasure, 3 accounting.
 */
class RequestRegimeTest {

    private static final Instant LATER = t("2030-01-01T00:00:00Z");
    private static final Instant RECEIVED = t("2025-01-10T00:00:00Z");

    private static Events request(int jurisdiction, boolean hipaa, int type, int regime) {
        return new Events().admitted(jurisdiction, hipaa).add("RequestReceived", RECEIVED, "requestId", word(7),
                "subjectPseudonym", word(8), "requestType", Integer.toString(type), "regime",
                Integer.toString(regime));
    }

    private static Events answered(Events e, Instant at) {
        return e.add("RequestAnswered", at, "requestId", word(7), "outcome", "0", "legalGround", "0", "replyHash",
                word(9));
    }

    private static List<Finding> evaluate(Events e, Instant asOf) {
        return RulesEngine.standard().evaluate(e.facts(asOf));
    }

    private static Set<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Finding only(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).reduce((a, b) -> {
            throw new AssertionError("two " + ruleId + " findings");
        }).orElseThrow(() -> new AssertionError("no " + ruleId + " finding in " + ids(findings)));
    }

    /** Issue 13 C10, probe 1: a request declared under HIPAA at a UK clinic that is not a covered entity. */
    @Test
    void hipaaRequestAtAUkClinicThatIsNotACoveredEntity() {
        // 31 days: one day late under HIPAA's 30, at the last second of UK GDPR's month
        List<Finding> findings = evaluate(answered(request(1, false, 0, 2), t("2025-02-10T00:00:00Z")), LATER);
        assertThat(ids(findings)).containsExactly("APP-02");
        Finding app = only(findings, "APP-02");
        assertThat(app.severity()).isEqualTo(Severity.S3);
        assertThat(app.objectKey()).isEqualTo("requestId:" + word(7));
        assertThat(app.objects()).containsEntry("declaredRegime", "HIPAA").containsEntry("jurisdiction", "UK")
                .containsEntry("hipaaCoveredEntity", "false").containsEntry("rulesApplied", "UK-DSR-01")
                .containsEntry("underDeclaredRegime", "HIPAA-ACC-01: answered after the deadline "
                        + "(due 2025-02-09 00:00:00 UTC, at 2025-02-10 00:00:00 UTC)");
        assertThat(app.summary()).contains("not declare it a HIPAA covered entity");
        assertThat(app.evidence()).extracting(EvidenceRef::role).containsExactly("requestReceived", "clinicProfile");
        assertThat(app.deadline()).isNull();
        assertThat(app.actual()).isNull();

        // one second later it is late under UK GDPR too: the profile's rule decides it, on its own
        List<Finding> late = evaluate(answered(request(1, false, 0, 2), t("2025-02-10T00:00:01Z")), LATER);
        assertThat(ids(late)).containsExactly("APP-02", "UK-DSR-01");
        assertThat(only(late, "UK-DSR-01").deadline()).isEqualTo(t("2025-02-10T00:00:00Z"));
        assertThat(only(late, "UK-DSR-01").objects()).containsEntry("declaredRegime", "HIPAA");
    }

    /** Its honest twins: HIPAA at a covered entity, UK GDPR at the UK clinic. */
    @Test
    void hipaaRequestAtACoveredEntityAndUkRequestAtTheUkClinic() {
        List<Finding> late = evaluate(answered(request(2, true, 0, 2), t("2025-02-10T00:00:00Z")), LATER);
        assertThat(ids(late)).containsExactly("HIPAA-ACC-01");
        assertThat(only(late, "HIPAA-ACC-01").deadline()).isEqualTo(t("2025-02-09T00:00:00Z"));
        assertThat(only(late, "HIPAA-ACC-01").actual()).isEqualTo(t("2025-02-10T00:00:00Z"));
        assertThat(evaluate(answered(request(2, true, 0, 2), t("2025-02-09T00:00:00Z")), LATER)).isEmpty();
        assertThat(evaluate(answered(request(1, false, 0, 1), t("2025-02-10T00:00:00Z")), LATER)).isEmpty();
        assertThat(ids(evaluate(answered(request(1, false, 0, 1), t("2025-02-10T00:00:01Z")), LATER)))
                .containsExactly("UK-DSR-01");
    }

    /** Issue 13 C10, probe 2: a request declared under GDPR at a US clinic (a covered entity). */
    @Test
    void gdprRequestAtAUsClinic() {
        Events e = new Events().admitted(2, true).add("RequestReceived", t("2025-01-31T10:00:00Z"), "requestId",
                word(7), "subjectPseudonym", word(8), "requestType", "0", "regime", "0");
        // late under Art 12(3) (31 January + 1 month = 28 February), in time under 164.524's 30 days (2 March)
        List<Finding> findings = evaluate(answered(e, t("2025-03-01T10:00:00Z")), LATER);
        assertThat(ids(findings)).as("no GDPR-DSR-01: Art 3(2) is not on the chain").containsExactly("APP-01");
        Finding app = only(findings, "APP-01");
        assertThat(app.severity()).isEqualTo(Severity.S4);
        assertThat(app.objects()).containsEntry("declaredRegime", "GDPR").containsEntry("jurisdiction", "US")
                .containsEntry("rulesApplied", "HIPAA-ACC-01")
                .containsEntry("underDeclaredRegime", "GDPR-DSR-01: answered after the deadline "
                        + "(due 2025-02-28 10:00:00 UTC, at 2025-03-01 10:00:00 UTC)");
        assertThat(app.summary()).contains("Art 3(2)").contains("established in US");
    }

    /** Its honest twin: the same request at an EU clinic is GDPR-DSR-01's, and no APP finding. */
    @Test
    void gdprRequestAtAnEuClinic() {
        Events e = new Events().admitted(0, false).add("RequestReceived", t("2025-01-31T10:00:00Z"), "requestId",
                word(7), "subjectPseudonym", word(8), "requestType", "0", "regime", "0");
        List<Finding> findings = evaluate(answered(e, t("2025-03-01T10:00:00Z")), LATER);
        assertThat(ids(findings)).containsExactly("GDPR-DSR-01");
        assertThat(only(findings, "GDPR-DSR-01").deadline()).isEqualTo(t("2025-02-28T10:00:00Z"));
        Events inTime = new Events().admitted(0, false).add("RequestReceived", t("2025-01-31T10:00:00Z"),
                "requestId", word(7), "subjectPseudonym", word(8), "requestType", "0", "regime", "0");
        assertThat(evaluate(answered(inTime, t("2025-02-28T10:00:00Z")), LATER)).isEmpty();
    }

    /**
     * Every declared regime at every clinic profile, for an access request answered the next day (only APP findings
     * can remain) and for one never answered (the profile's deadline rules, each exactly once, plus the same APP
     * finding). The expectations are written out, not derived from the code under test.
     */
    @ParameterizedTest(name = "jurisdiction {0}, covered {1}, declared {2}: in time {3}, unanswered {4}")
    @CsvSource({
            "0, false, 0, -,      GDPR-DSR-01",
            "0, false, 1, APP-01, APP-01 GDPR-DSR-01",
            "0, false, 2, APP-02, APP-02 GDPR-DSR-01",
            "1, false, 0, APP-01, APP-01 UK-DSR-01",
            "1, false, 1, -,      UK-DSR-01",
            "1, false, 2, APP-02, APP-02 UK-DSR-01",
            "2, true,  0, APP-01, APP-01 HIPAA-ACC-01",
            "2, true,  1, APP-01, APP-01 HIPAA-ACC-01",
            "2, true,  2, -,      HIPAA-ACC-01",
            "2, false, 0, APP-01, APP-01",
            "2, false, 1, APP-01, APP-01",
            "2, false, 2, APP-02, APP-02",
            "0, true,  0, -,      GDPR-DSR-01 HIPAA-ACC-01",
            "0, true,  1, APP-01, APP-01 GDPR-DSR-01 HIPAA-ACC-01",
            "0, true,  2, -,      GDPR-DSR-01 HIPAA-ACC-01",
            "1, true,  0, APP-01, APP-01 HIPAA-ACC-01 UK-DSR-01",
            "1, true,  2, -,      HIPAA-ACC-01 UK-DSR-01",
    })
    void everyRegimeAtEveryProfile(int jurisdiction, boolean hipaa, int regime, String inTime, String unanswered) {
        List<Finding> answeredNextDay = evaluate(answered(request(jurisdiction, hipaa, 0, regime),
                RECEIVED.plusSeconds(86_400)), LATER);
        assertThat(ids(answeredNextDay)).isEqualTo(expected(inTime));
        assertThat(answeredNextDay).hasSize(expected(inTime).size());
        List<Finding> never = evaluate(request(jurisdiction, hipaa, 0, regime), LATER);
        assertThat(ids(never)).isEqualTo(expected(unanswered));
        assertThat(never).as("one finding per rule").hasSize(expected(unanswered).size());
        assertThat(never).allSatisfy(f -> assertThat(f.objectKey()).isEqualTo("requestId:" + word(7)));
    }

    private static Set<String> expected(String ids) {
        return ids.equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(ids.split(" ")));
    }

    /** The accounting request: HIPAA-AOD-02 at a covered entity whatever it declares; the GDPR rules at EU/UK. */
    @Test
    void accountingRequestsFollowTheProfileToo() {
        assertThat(ids(evaluate(request(2, true, 3, 0), LATER))).containsExactly("APP-01", "HIPAA-AOD-02");
        assertThat(ids(evaluate(request(0, false, 3, 2), LATER))).containsExactly("APP-02", "GDPR-DSR-01");
        // 60 days at a covered entity: the last second in time, one second after late
        assertThat(evaluate(answered(request(2, true, 3, 2), t("2025-03-11T00:00:00Z")), LATER)).isEmpty();
        assertThat(ids(evaluate(answered(request(2, true, 3, 2), t("2025-03-11T00:00:01Z")), LATER)))
                .containsExactly("HIPAA-AOD-02");
    }

    /** An erasure: no HIPAA deadline rule covers it; GDPR-DSR-01 names it under the declared regime. */
    @Test
    void erasureDeclaredUnderGdprAtAUsClinic() {
        List<Finding> findings = evaluate(request(2, true, 1, 0), LATER);
        assertThat(ids(findings)).containsExactly("APP-01");
        assertThat(only(findings, "APP-01").objects()).containsEntry("rulesApplied", "none")
                .containsEntry("requestType", "ERASURE")
                .containsEntry("underDeclaredRegime", "GDPR-DSR-01: not answered by the deadline "
                        + "(due 2025-02-10 00:00:00 UTC)");
        List<Finding> hipaaErasure = evaluate(request(2, false, 1, 2), LATER);
        assertThat(only(hipaaErasure, "APP-02").objects()).containsEntry("underDeclaredRegime",
                "no deadline rule of that regime for this request type");
    }

    /** GDPR-ER-01 follows the profile: an erasure declared under HIPAA at an EU clinic is still Art 17's. */
    @Test
    void erasureCompletionAtAnEuClinicWhateverTheRequestDeclares() {
        Events e = new Events().admitted(0, false)
                .add("KeyRegistered", t("2025-01-02T00:00:00Z"), "keyId", word(21), "subjectPseudonym", word(8),
                        "keyCommitment", word(1))
                .add("RequestReceived", RECEIVED, "requestId", word(7), "subjectPseudonym", word(8), "requestType",
                        "1", "regime", "2")
                .add("RequestAnswered", t("2025-01-20T00:00:00Z"), "requestId", word(7), "outcome", "0",
                        "legalGround", "0", "replyHash", word(9));
        List<Finding> findings = evaluate(e, LATER);
        assertThat(ids(findings)).containsExactly("APP-02", "GDPR-ER-01");
        assertThat(only(findings, "GDPR-ER-01").deadline()).isEqualTo(t("2025-02-10T00:00:00Z"));
    }

    /** Pending requests: an APP finding at once (the label is wrong now), a deadline finding only once it passed. */
    @Test
    void pendingRequestUnderTheDeclaredRegime() {
        List<Finding> pending = evaluate(request(1, false, 0, 2), t("2025-01-20T00:00:00Z"));
        assertThat(ids(pending)).containsExactly("APP-02");
        assertThat(only(pending, "APP-02").objects()).containsEntry("underDeclaredRegime",
                "HIPAA-ACC-01: not answered, not yet due (due 2025-02-09 00:00:00 UTC)");
        assertThat(evaluate(request(1, false, 0, 1), t("2025-02-10T00:00:00Z"))).isEmpty();
        assertThat(ids(evaluate(request(1, false, 0, 1), t("2025-02-10T00:00:01Z")))).containsExactly("UK-DSR-01");
    }

    /** A late extension notice under the declared regime is what the APP finding reports. */
    @Test
    void lateExtensionUnderTheDeclaredRegime() {
        Events e = request(2, true, 0, 0).add("RequestExtended", t("2025-02-10T00:00:01Z"), "requestId", word(7),
                "reasonsHash", word(5));
        List<Finding> findings = evaluate(answered(e, t("2025-02-12T00:00:00Z")), LATER);
        // under HIPAA (the profile) the notice came after day 30 too: HIPAA-ACC-01 reports it
        assertThat(ids(findings)).containsExactly("APP-01", "HIPAA-ACC-01");
        assertThat(only(findings, "HIPAA-ACC-01").actual()).isEqualTo(t("2025-02-10T00:00:01Z"));
        assertThat(only(findings, "APP-01").objects()).containsEntry("underDeclaredRegime", "GDPR-DSR-01: extension "
                + "notice after the first period (due 2025-02-10 00:00:00 UTC, at 2025-02-10 00:00:01 UTC)");
    }

    /** A regime code outside the contract's enum (the contract cannot emit one; a finding, not a crash or a skip). */
    @Test
    void unknownRegimeCode() {
        List<Finding> findings = evaluate(answered(request(0, false, 0, 7), RECEIVED.plusSeconds(60)), LATER);
        assertThat(ids(findings)).containsExactly("APP-01");
        assertThat(only(findings, "APP-01").objects()).containsEntry("declaredRegime", "UNKNOWN(7)")
                .containsEntry("rulesApplied", "GDPR-DSR-01")
                .containsEntry("underDeclaredRegime", "no deadline rule of that regime for this request type");
        assertThat(only(findings, "APP-01").summary()).contains("regime code the consortium's contract does not "
                + "define");
    }

    /** The latest profile decides, as for every rule: an update to a covered entity brings HIPAA's rule. */
    @Test
    void theLatestProfileDecides() {
        Events e = request(1, false, 0, 2).add("ClinicUpdated", t("2025-01-11T00:00:00Z"), "jurisdiction", "2",
                "hipaaCoveredEntity", "true", "writer", "0x" + "22".repeat(20), "kmsAttestationKey",
                "0x" + "33".repeat(20), "logSigner", "0x" + "44".repeat(20));
        List<Finding> findings = evaluate(e, LATER);
        assertThat(ids(findings)).containsExactly("HIPAA-ACC-01");
    }

    /**
     * A request id received three times (the contract does not refuse it), declared differently: judged once, on its
     * first declaration, so no rule gives two findings of one key (the store merges findings by key).
     */
    @Test
    void aRequestIdUsedTwiceIsJudgedOnceOnItsFirstDeclaration() {
        Events e = request(1, false, 1, 2);
        for (String regime : new String[] {"1", "2"}) {
            e.add("RequestReceived", RECEIVED.plusSeconds(60), "requestId", word(7), "subjectPseudonym", word(8),
                    "requestType", "1", "regime", regime);
        }
        e.add("RequestAnswered", RECEIVED.plusSeconds(86_400), "requestId", word(7), "outcome", "2", "legalGround",
                "0", "replyHash", word(9));
        List<Finding> findings = evaluate(e, LATER);
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("APP-02", "GDPR-ER-03");
        assertThat(only(findings, "APP-02").evidence().get(0).block()).as("the first declaration's block").isEqualTo(2L);
        List<Finding> unanswered = evaluate(request(1, false, 0, 1).add("RequestReceived", t("2025-06-01T00:00:00Z"),
                "requestId", word(7), "subjectPseudonym", word(8), "requestType", "0", "regime", "1"), LATER);
        assertThat(unanswered).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("UK-DSR-01");
            assertThat(f.deadline()).as("from the first receipt").isEqualTo(t("2025-02-10T00:00:00Z"));
        });
    }

    /** Several access and accounting requests, answered in time: each judged on its own, keys unique. */
    @Test
    void manyRequestsEachJudgedOnTheirOwn() {
        Events e = new Events().admitted(1, false);
        for (int i = 0; i < 30; i++) {
            e.add("RequestReceived", RECEIVED.plusSeconds(i), "requestId", word(100 + i), "subjectPseudonym",
                    word(8), "requestType", Integer.toString(i % 2 * 3), "regime", Integer.toString(i % 3));
            e.add("RequestAnswered", RECEIVED.plusSeconds(3600 + i), "requestId", word(100 + i), "outcome", "0",
                    "legalGround", "0", "replyHash", word(9));
        }
        List<Finding> findings = evaluate(e, LATER);
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
        assertThat(findings.stream().filter(f -> f.ruleId().equals("APP-01")).count()).isEqualTo(10);
        assertThat(findings.stream().filter(f -> f.ruleId().equals("APP-02")).count()).isEqualTo(10);
        assertThat(findings).hasSize(20);
    }
}
