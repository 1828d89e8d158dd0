package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.compliance.domain.Events.CLINIC;
import static org.custos.portal.compliance.domain.Events.t;
import static org.custos.portal.compliance.domain.Events.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.rules.GdprSubjectNotice;
import org.custos.portal.compliance.domain.rules.ImpactAssessment;
import org.custos.portal.compliance.domain.rules.RecordsOfProcessing;
import org.custos.portal.compliance.domain.rules.Rectification;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.TestBundles;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.junit.jupiter.api.Test;

/**
 * GDPR-DPIA-01, GDPR-ROPA-01, GDPR-BR-02, GDPR-ER-05, GDPR-MIN-03 at their edges and GDPR-MIN-02 with a bundled
 * identifier dictionary, with and without a verified bundle.
 */
class AccountabilityRulesTest {

    private static final Instant LATER = t("2030-01-01T00:00:00Z");
    private static final String ROPA = "{\"categories\":[{\"category\":1,\"retentionDays\":3653},{\"category\":5,"
            + "\"retentionDays\":30}],\"clinic\":\"" + CLINIC + "\",\"format\":\"custos-ropa/1\",\"purposes\":[{"
            + "\"basisCode\":257,\"categories\":[1,5],\"purpose\":1},{\"basisCode\":257,\"categories\":[1],"
            + "\"purpose\":2}],\"version\":1}";

    private static List<Finding> run(Rule rule, ClinicFacts facts) {
        List<Finding> out = new ArrayList<>();
        if (rule.appliesTo(facts.regimes().orElseThrow())) {
            rule.evaluate(facts, out);
        }
        return out;
    }

    private static List<Finding> run(Rule rule, Events events, Instant asOf) {
        return run(rule, events.facts(asOf));
    }

    /** Runs the rule with a bundle of {@code files} (entries first) read and verified against the events. */
    private static List<Finding> withBundle(Rule rule, Events events, Map<String, byte[]> files) throws IOException {
        byte[] zip = TestBundles.zip(TestBundles.manifest(CLINIC, files), files);
        try (EvidenceBundle b = new BundleReader(BundleLimits.defaults()).read(new ByteArrayInputStream(zip), CLINIC,
                BundleProgress.NONE)) {
            BundleVerification v = new BundleVerifier().verify(b, events.list());
            return run(rule, new ClinicFacts(CLINIC, events.list(), b, v, LATER));
        }
    }

    private static String sha(String s) {
        return Hex.encodePrefixed(Hashes.sha256(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Events anchor(Events e, Instant at, int docType, String content) {
        return e.add("DocumentAnchored", at, "docType", Integer.toString(docType), "docHash", sha(content),
                "version", "1");
    }

    private static Events record(Events e, Instant at, int recordId, int purpose, int category) {
        return e.add("RecordCommitted", at, "recordId", word(recordId), "commitment", word(900 + recordId), "scheme",
                "1", "keyId", word(500), "purposeId", Integer.toString(purpose), "basisCode", "257", "dataCategory",
                Integer.toString(category));
    }

    // GDPR-DPIA-01

    @Test
    void dpiaAnchoredOneSecondBeforeTheFirstProcessingIsInTimeOneSecondAfterIsNot() {
        Instant first = t("2025-01-01T01:00:00Z");
        Events before = record(anchor(new Events().admitted(0, false), first.minusSeconds(1), 2, "dpia"), first, 1,
                1, 1);
        assertThat(run(new ImpactAssessment(), before, LATER)).isEmpty();
        Events after = anchor(record(new Events().admitted(0, false), first, 1, 1, 1), first.plusSeconds(1), 2,
                "dpia");
        assertThat(run(new ImpactAssessment(), after, LATER)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GDPR-DPIA-01");
            assertThat(f.objectKey()).isEqualTo("dpia");
            assertThat(f.deadline()).isEqualTo(first);
            assertThat(f.actual()).isEqualTo(first.plusSeconds(1));
        });
        // the same second: chain order decides (anchor first in the block: in time)
        Events sameSecond = record(anchor(new Events().admitted(0, false), first, 2, "dpia"), first, 1, 1, 1);
        assertThat(run(new ImpactAssessment(), sameSecond, LATER)).isEmpty();
    }

    @Test
    void noDpiaIsAFindingOnlyOnceProcessingBeganAndOnlyUnderGdpr() {
        assertThat(run(new ImpactAssessment(), new Events().admitted(0, false), LATER)).isEmpty();
        Events processing = record(new Events().admitted(0, false), t("2025-01-01T01:00:00Z"), 1, 1, 1);
        assertThat(run(new ImpactAssessment(), processing, LATER)).singleElement()
                .satisfies(f -> assertThat(f.actual()).isNull());
        // another ClinicAdmitted value: UK is GDPR too, a US covered entity is not
        assertThat(run(new ImpactAssessment(), record(new Events().admitted(1, false), t("2025-01-01T01:00:00Z"), 1,
                1, 1), LATER)).hasSize(1);
        assertThat(new ImpactAssessment().appliesTo(Regimes.of(2, true))).isFalse();
    }

    @Test
    void anAnchoredDpiaMissingFromTheBundleIsAFinding() throws IOException {
        Events e = record(anchor(new Events().admitted(0, false), t("2025-01-01T00:00:00Z"), 2, "dpia v1"),
                t("2025-01-01T01:00:00Z"), 1, 1, 1);
        Map<String, byte[]> with = new LinkedHashMap<>();
        with.put("documents/dpia-v1.md", "dpia v1".getBytes(StandardCharsets.UTF_8));
        assertThat(withBundle(new ImpactAssessment(), e, with)).isEmpty();
        Map<String, byte[]> other = new LinkedHashMap<>();
        other.put("documents/dpia-v1.md", "dpia v1 edited".getBytes(StandardCharsets.UTF_8));
        assertThat(withBundle(new ImpactAssessment(), e, other)).singleElement()
                .satisfies(f -> assertThat(f.objectKey()).isEqualTo("dpia-document:" + sha("dpia v1")));
    }

    // GDPR-ROPA-01

    @Test
    void processingWithoutAnAnchoredRopaIsAFinding() {
        Events none = new Events().admitted(0, false).add("ConsentGranted", t("2025-01-02T00:00:00Z"), "consentId",
                word(1), "subjectPseudonym", word(2), "purposeId", "1", "policyHash", word(3), "expiry", "0");
        assertThat(run(new RecordsOfProcessing(), none, LATER)).singleElement().satisfies(f -> {
            assertThat(f.objectKey()).isEqualTo("ropa");
            assertThat(f.deadline()).isEqualTo(t("2025-01-02T00:00:00Z"));
        });
        assertThat(run(new RecordsOfProcessing(), anchor(none, t("2025-01-03T00:00:00Z"), 1, "ropa"), LATER))
                .isEmpty();
        assertThat(run(new RecordsOfProcessing(), new Events().admitted(0, false), LATER)).isEmpty();
    }

    @Test
    void everyOnChainPurposeAndCategoryMustBeInTheBundledMachineReadableRopa() throws IOException {
        Events e = anchor(anchor(new Events().admitted(0, false), t("2025-01-01T00:00:00Z"), 1, "ropa md"),
                t("2025-01-01T00:00:01Z"), 5, ROPA);
        record(e, t("2025-01-02T00:00:00Z"), 1, 1, 1);
        record(e, t("2025-01-02T00:00:01Z"), 2, 1, 5);
        e.add("DisclosureRecorded", t("2025-01-03T00:00:00Z"), "disclosureId", word(30), "subjectPseudonym", word(2),
                "recipientId", word(31), "purposeId", "2", "dataCategory", "1");
        // purpose 0 is a missing purpose (HIPAA-AOD-01), not an unlisted one
        e.add("DisclosureRecorded", t("2025-01-03T00:00:01Z"), "disclosureId", word(32), "subjectPseudonym", word(2),
                "recipientId", Events.word(0), "purposeId", "0", "dataCategory", "1");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("documents/ropa-v1.md", "ropa md".getBytes(StandardCharsets.UTF_8));
        files.put("documents/ropa-v1.json", ROPA.getBytes(StandardCharsets.UTF_8));
        assertThat(withBundle(new RecordsOfProcessing(), e, files)).isEmpty();

        record(e, t("2025-01-04T00:00:00Z"), 3, 3, 1);
        record(e, t("2025-01-04T00:00:01Z"), 4, 1, 4);
        record(e, t("2025-01-04T00:00:02Z"), 5, 3, 4);
        List<Finding> found = withBundle(new RecordsOfProcessing(), e, files);
        assertThat(found).extracting(Finding::objectKey).containsExactly("purpose:3", "retention:4");
        assertThat(found.get(0).objects()).containsEntry("events", "2").containsEntry("purposeId", "3");
        assertThat(found.get(1).objects()).containsEntry("events", "2").containsEntry("dataCategory", "4");

        files.remove("documents/ropa-v1.json");
        assertThat(withBundle(new RecordsOfProcessing(), e, files)).extracting(Finding::objectKey)
                .containsExactly("ropa-document:" + sha(ROPA));
    }

    // GDPR-BR-02

    private static Events breach(int risk, Instant aware) {
        return new Events().admitted(0, false).add("BreachDetected", aware.plusSeconds(3600), "breachId", word(40),
                "awareAt", Long.toString(aware.getEpochSecond()), "affectedCount", "12", "risk",
                Integer.toString(risk));
    }

    private static Events notified(Events e, int audience, Instant at) {
        return e.add("BreachNotified", at, "breachId", word(40), "audience", Integer.toString(audience),
                "noticeHash", word(41));
    }

    @Test
    void highRiskBreachTellsTheSubjectsWithin72HoursOfAwareness() {
        Instant aware = t("2024-02-27T12:00:00Z");
        Instant deadline = t("2024-03-01T12:00:00Z"); // across 29 February 2024
        assertThat(run(new GdprSubjectNotice(), notified(breach(2, aware), 2, deadline), LATER)).isEmpty();
        assertThat(run(new GdprSubjectNotice(), notified(breach(2, aware), 2, deadline.plusSeconds(1)), LATER))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("GDPR-BR-02");
                    assertThat(f.deadline()).isEqualTo(deadline);
                    assertThat(f.objects()).containsEntry("audience", "SUBJECTS");
                    assertThat(f.summary()).isEqualTo("Late notice to the affected individuals of a breach "
                            + "(due 2024-03-01 12:00:00 UTC)");
                });
        // the authority notice does not count; no notice is a finding only once the deadline has passed
        assertThat(run(new GdprSubjectNotice(), notified(breach(2, aware), 0, aware), deadline)).isEmpty();
        assertThat(run(new GdprSubjectNotice(), notified(breach(2, aware), 0, aware), deadline.plusSeconds(1)))
                .singleElement().satisfies(f -> {
                    assertThat(f.actual()).isNull();
                    assertThat(f.summary()).isEqualTo("No notice to the affected individuals of a breach "
                            + "(due 2024-03-01 12:00:00 UTC)");
                });
        // risk (not high) and unlikely: Art 34 does not apply
        assertThat(run(new GdprSubjectNotice(), breach(1, aware), LATER)).isEmpty();
        assertThat(run(new GdprSubjectNotice(), breach(0, aware), LATER)).isEmpty();
    }

    // GDPR-ER-05

    private static Events supersede(Events e, Instant at, int old, int replacement) {
        return e.add("RecordSuperseded", at, "oldRecordId", word(old), "newRecordId", word(replacement));
    }

    @Test
    void aSupersedeLinksTwoEarlierRecordsAndEachRecordHasOneLatestVersion() {
        Events ok = supersede(record(record(new Events().admitted(0, false), t("2025-01-01T00:00:00Z"), 1, 1, 1),
                t("2025-01-02T00:00:00Z"), 2, 1, 1), t("2025-01-02T00:00:01Z"), 1, 2);
        assertThat(run(new Rectification(), ok, LATER)).isEmpty();
        Events newLater = record(supersede(record(new Events().admitted(0, false), t("2025-01-01T00:00:00Z"), 1, 1,
                1), t("2025-01-02T00:00:00Z"), 1, 2), t("2025-01-02T00:00:01Z"), 2, 1, 1);
        assertThat(run(new Rectification(), newLater, LATER)).singleElement().satisfies(f -> assertThat(
                f.objects().get("problems")).isEqualTo("the new version was not committed before"));
        Events twice = supersede(record(ok, t("2025-01-03T00:00:00Z"), 3, 1, 1), t("2025-01-03T00:00:01Z"), 1, 3);
        assertThat(run(new Rectification(), twice, LATER)).singleElement().satisfies(f -> assertThat(
                f.objects().get("problems")).isEqualTo("the record was already superseded (two latest versions)"));
        Events self = supersede(record(new Events().admitted(0, false), t("2025-01-01T00:00:00Z"), 1, 1, 1),
                t("2025-01-01T00:00:01Z"), 1, 1);
        assertThat(run(new Rectification(), self, LATER)).singleElement().satisfies(f -> assertThat(
                f.objects().get("problems")).isEqualTo("links a record to itself"));
    }

    @Test
    void aFulfilledRectificationNeedsASupersedeOfTheSubjectsRecordInBetween() {
        Events base = new Events().admitted(0, false).add("KeyRegistered", t("2025-01-01T00:00:00Z"), "keyId",
                word(500), "subjectPseudonym", word(8), "keyCommitment", word(501));
        record(base, t("2025-01-01T00:00:01Z"), 1, 1, 1);
        record(base, t("2025-01-01T00:00:02Z"), 2, 1, 1);
        base.add("RequestReceived", t("2025-01-05T00:00:00Z"), "requestId", word(7), "subjectPseudonym", word(8),
                "requestType", "2", "regime", "0");
        Events linked = supersede(base, t("2025-01-06T00:00:00Z"), 1, 2).add("RequestAnswered",
                t("2025-01-07T00:00:00Z"), "requestId", word(7), "outcome", "0", "legalGround", "0", "replyHash",
                word(9));
        assertThat(run(new Rectification(), linked, LATER)).isEmpty();

        Events unlinked = new Events().admitted(0, false).add("RequestReceived", t("2025-01-05T00:00:00Z"),
                "requestId", word(7), "subjectPseudonym", word(8), "requestType", "2", "regime", "0")
                .add("RequestAnswered", t("2025-01-07T00:00:00Z"), "requestId", word(7), "outcome", "0",
                        "legalGround", "0", "replyHash", word(9));
        assertThat(run(new Rectification(), unlinked, LATER)).singleElement()
                .satisfies(f -> assertThat(f.objectKey()).isEqualTo("requestId:" + word(7)));
        // refused, or an access request: not this rule's
        Events refused = new Events().admitted(0, false).add("RequestReceived", t("2025-01-05T00:00:00Z"),
                "requestId", word(7), "subjectPseudonym", word(8), "requestType", "2", "regime", "0")
                .add("RequestAnswered", t("2025-01-07T00:00:00Z"), "requestId", word(7), "outcome", "2",
                        "legalGround", "1", "replyHash", word(9));
        assertThat(run(new Rectification(), refused, LATER)).isEmpty();
    }

    @Test
    void anAnchoredAccessToASupersededRecordAfterTheSupersedeIsAFinding() throws IOException {
        Instant superseded = t("2025-01-02T00:00:00Z");
        Events e = supersede(record(record(new Events().admitted(0, false), t("2025-01-01T00:00:00Z"), 1, 1, 1),
                t("2025-01-01T00:00:01Z"), 2, 1, 1), superseded, 1, 2);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String[] times = {"2025-01-01T23:59:59+00:00", "2025-01-02T00:00:00+00:00", "2025-01-02T00:00:01+00:00"};
        for (int i = 0; i < times.length; i++) {
            files.put(EvidenceBundle.entryPath(i), TestBundles.entry(i, CLINIC, times[i], "physician", "TREAT", false,
                    word(8), word(1), 1, word(3)).getBytes(StandardCharsets.UTF_8));
        }
        files.put(EvidenceBundle.entryPath(3), TestBundles.entry(3, CLINIC, times[2], "physician", "TREAT", false,
                word(8), word(2), 1, word(3)).getBytes(StandardCharsets.UTF_8));
        e.add("AuditCheckpoint", t("2025-01-03T00:00:00Z"), "treeSize", "4", "rootHash", word(77));
        List<Finding> found = withBundle(new Rectification(), e, files);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.objectKey()).isEqualTo("entry:access-log/000002.json");
            assertThat(f.deadline()).isEqualTo(superseded);
            assertThat(f.actual()).isEqualTo(t("2025-01-02T00:00:01Z"));
        });
    }

    // GDPR-MIN-03

    @Test
    void aHighEntropyBlobLongerThan64BytesIsAFindingA64ByteOneOrTextIsNot() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        byte[] blob = new byte[65];
        random.nextBytes(blob);
        String text = Hex.encodePrefixed(("patient Jane Doe, born 1970, diagnosis hypertension, treated with "
                + "lisinopril").getBytes(StandardCharsets.US_ASCII));
        Events e = new Events().admitted(0, false).add("Custom", t("2025-01-01T00:00:00Z"), "payload",
                Hex.encodePrefixed(blob), "note", text, "short", Hex.encodePrefixed(java.util.Arrays.copyOf(blob, 64)));
        assertThat(run(new org.custos.portal.compliance.domain.rules.HighEntropyPayload(), e, LATER)).singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("GDPR-MIN-03");
                    assertThat(f.objects()).containsEntry("field", "payload").containsEntry("bytes", "65");
                });
        Events words = new Events().admitted(0, false).add("RecordCommitted", t("2025-01-01T00:00:00Z"), "commitment",
                Hex.encodePrefixed(java.util.Arrays.copyOf(blob, 32)), "recordId", word(1));
        assertThat(run(new org.custos.portal.compliance.domain.rules.HighEntropyPayload(), words, LATER)).isEmpty();
    }

    // GDPR-MIN-02 with the bundle's identifier dictionary

    @Test
    void listedIdentifiersWhosePlainHashIsOnChainAreFoundWithoutQuotingThem() throws IOException {
        String mrn = Hex.encodePrefixed(Hashes.sha256("MRN-00-000012".getBytes(StandardCharsets.UTF_8)));
        String mail = Hex.encodePrefixed(Hashes.keccak256("pat@mail.example".getBytes(StandardCharsets.UTF_8)));
        String phone = Hex.encodePrefixed(Hashes.sha256("+442079460958".getBytes(StandardCharsets.UTF_8)));
        Events e = new Events().admitted(0, false)
                .add("ConsentGranted", t("2025-01-02T00:00:00Z"), "consentId", word(1), "subjectPseudonym", mrn,
                        "purposeId", "1", "policyHash", word(3), "expiry", "0")
                .add("KeyRegistered", t("2025-01-02T00:00:01Z"), "keyId", word(4), "subjectPseudonym", mrn,
                        "keyCommitment", word(5))
                .add("KeyRegistered", t("2025-01-02T00:00:02Z"), "keyId", word(6), "subjectPseudonym", mail,
                        "keyCommitment", word(7))
                .add("DisclosureRecorded", t("2025-01-03T00:00:00Z"), "disclosureId", word(8), "subjectPseudonym",
                        word(9), "recipientId", phone, "purposeId", "2", "dataCategory", "3");
        String dictionary = "{\"format\":\"custos-identifiers/1\",\"identifiers\":[\" MRN-00-000012 \","
                + "\"Pat@Mail.Example\",\"+44 20-7946-0958\",\"MRN-00-000013\"]}";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleReader.IDENTIFIERS, dictionary.getBytes(StandardCharsets.UTF_8));
        Rule rule = new org.custos.portal.compliance.domain.rules.PlainHashOfIdentifier();
        List<Finding> found = withBundle(rule, e, files);
        assertThat(found).extracting(Finding::objectKey).containsExactly("hash:" + mrn, "hash:" + mail,
                "hash:" + phone);
        assertThat(found.get(0).objects()).containsEntry("identifierIndex", "0").containsEntry("algorithm", "sha256")
                .containsEntry("events", "2");
        assertThat(found.get(1).objects()).containsEntry("identifierIndex", "1").containsEntry("algorithm",
                "keccak256");
        assertThat(found.get(2).objects()).containsEntry("identifierIndex", "2");
        for (Finding f : found) {
            String text = f.summary() + f.objects() + f.key();
            assertThat(text).doesNotContain("MRN-").doesNotContain("Mail").doesNotContain("+44 20");
        }
        // without a dictionary the rule cannot decide: nothing
        assertThat(withBundle(rule, e, new LinkedHashMap<>(Map.of("documents/x-v1.md",
                "x".getBytes(StandardCharsets.UTF_8))))).isEmpty();
    }
}
