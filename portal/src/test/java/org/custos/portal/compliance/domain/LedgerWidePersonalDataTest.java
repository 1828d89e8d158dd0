package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.rules.CleartextPersonalData;
import org.custos.portal.compliance.domain.rules.HighEntropyPayload;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.PersonalDataHit;
import org.junit.jupiter.api.Test;

/**
 * The ledger-wide personal-data hits as findings: attributed by recovered sender to the clinic whose registered
 * writer sent the transaction, else to the consortium scope; one finding per rule, transaction and place; no
 * second finding where a decoded consortium event of the same transaction was already reported; the consortium
 * scope judged by GDPR-MIN-01 and GDPR-MIN-03 only; never the data itself.
 */
class LedgerWidePersonalDataTest {

    private static final String CLINIC_A = "0x" + "aa".repeat(32);
    private static final String CLINIC_B = "0x" + "bb".repeat(32);
    private static final String WRITER_A = "0x" + "a1".repeat(20);
    private static final String WRITER_B = "0x" + "b1".repeat(20);
    private static final String OLD_WRITER_B = "0x" + "b0".repeat(20);
    private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void hitsGoToTheClinicWhoseWriterSentThemElseToTheConsortium() {
        PersonalDataScope scope = new PersonalDataScope(profiles());
        assertThat(scope.scopeOf(hit(20, 0, WRITER_A, PersonalDataHit.Place.INPUT, null))).isEqualTo(CLINIC_A);
        // a key registered later was the clinic's key already
        assertThat(scope.scopeOf(hit(1, 0, WRITER_A, PersonalDataHit.Place.INPUT, null))).isEqualTo(CLINIC_A);
        assertThat(scope.scopeOf(hit(20, 0, WRITER_B.toUpperCase().replace("0X", "0x"), PersonalDataHit.Place.INPUT,
                null))).isEqualTo(CLINIC_B);
        assertThat(scope.scopeOf(hit(20, 0, "0x" + "99".repeat(20), PersonalDataHit.Place.INPUT, null)))
                .isEqualTo(ClinicFacts.CONSORTIUM);
        assertThat(scope.scopeOf(hit(20, 0, null, PersonalDataHit.Place.INPUT, null))).isEqualTo(ClinicFacts.CONSORTIUM);
        // an address both clinics registered: the registration in force at the transaction
        assertThat(scope.scopeOf(hit(12, 0, OLD_WRITER_B, PersonalDataHit.Place.INPUT, null))).isEqualTo(CLINIC_B);
        assertThat(scope.scopeOf(hit(40, 0, OLD_WRITER_B, PersonalDataHit.Place.INPUT, null))).isEqualTo(CLINIC_A);
        assertThat(scope.scopeOf(hit(30, 1, OLD_WRITER_B, PersonalDataHit.Place.INPUT, null))).isEqualTo(CLINIC_B);
        assertThat(scope.scopeOf(hit(30, 2, OLD_WRITER_B, PersonalDataHit.Place.INPUT, null))).isEqualTo(CLINIC_A);
        Map<String, List<PersonalDataHit>> byScope = scope.attribute(List.of(hit(20, 0, WRITER_A,
                PersonalDataHit.Place.INPUT, null), hit(21, 0, null, PersonalDataHit.Place.INPUT, null)));
        assertThat(byScope.keySet()).containsExactly(CLINIC_A, ClinicFacts.CONSORTIUM);
        assertThat(ClinicFacts.CONSORTIUM).hasSize(66).doesNotMatch("0x[0-9a-f]{64}");
    }

    @Test
    void oneFindingPerTransactionAndPlaceNamingWhereAndWhatNeverTheData() {
        List<PersonalDataHit> hits = List.of(
                hit(20, 0, WRITER_A, PersonalDataHit.Place.INPUT, null),
                hit(20, 0, WRITER_A, PersonalDataHit.Place.INPUT, null, 100, "phone number", "UTF-16LE"),
                hit(20, 0, WRITER_A, PersonalDataHit.Place.LOG_DATA, 3),
                hit(20, 0, WRITER_A, PersonalDataHit.Place.LOG_TOPIC, 3),
                hit(22, 1, WRITER_A, PersonalDataHit.Place.CREATION, null));
        ClinicFacts facts = new ClinicFacts(CLINIC_A, profiles(), null, null, T).withPersonalData(hits);
        List<Finding> out = new ArrayList<>();
        new CleartextPersonalData().evaluate(facts, out);
        assertThat(out).extracting(Finding::key).containsExactly(
                "GDPR-MIN-01|" + CLINIC_A + "|tx:" + tx(20, 0) + "/input",
                "GDPR-MIN-01|" + CLINIC_A + "|tx:" + tx(20, 0) + "/log:3",
                "GDPR-MIN-01|" + CLINIC_A + "|tx:" + tx(22, 1) + "/creation");
        Finding input = out.get(0);
        assertThat(input.objects()).containsEntry("block", "20").containsEntry("place", "input")
                .containsEntry("kind", "e-mail address, phone number").containsEntry("sender", WRITER_A)
                .containsEntry("positions", "calldata offset 68; calldata offset 100")
                .containsEntry("encoding", "ASCII/UTF-8, UTF-16LE");
        assertThat(out.get(1).objects()).containsEntry("positions", "log data offset 68; topic 1 offset 68");
        assertThat(input.evidence()).singleElement().satisfies(e -> {
            assertThat(e.block()).isEqualTo(20L);
            assertThat(e.txHash()).isEqualTo(tx(20, 0));
        });
        // the blob rule reads only its own hits
        List<Finding> blobs = new ArrayList<>();
        new HighEntropyPayload().evaluate(facts, blobs);
        assertThat(blobs).isEmpty();
    }

    @Test
    void aTransactionAlreadyReportedByItsDecodedEventIsNotReportedTwice() {
        String txHash = tx(20, 0);
        byte[] word = new byte[32];
        byte[] ascii = "pat000034.c00@mail.example".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, word, 0, ascii.length);
        ProvenEvent disclosure = new ProvenEvent(20_000_000L, "DisclosureRecorded", CLINIC_A, Map.of("clinicId",
                CLINIC_A, "disclosureId", "0x" + "0d".repeat(32), "recipientId", org.custos.verify.Hex.encodePrefixed(
                word)), 20, 0, 0, txHash, T, "0x" + "ee".repeat(32));
        List<ProvenEvent> events = new ArrayList<>(profiles());
        events.add(disclosure);
        ClinicFacts facts = new ClinicFacts(CLINIC_A, events, null, null, T).withPersonalData(List.of(
                hit(20, 0, WRITER_A, PersonalDataHit.Place.INPUT, null),
                hit(20, 0, WRITER_A, PersonalDataHit.Place.LOG_DATA, 0),
                hit(21, 0, WRITER_A, PersonalDataHit.Place.INPUT, null)));
        List<Finding> out = new ArrayList<>();
        new CleartextPersonalData().evaluate(facts, out);
        assertThat(out).extracting(Finding::objectKey).containsExactly(
                "disclosureId:0x" + "0d".repeat(32) + "/recipientId", "tx:" + tx(21, 0) + "/input");
    }

    @Test
    void theConsortiumScopeIsJudgedByTheLedgerWideRulesOnly() {
        PersonalDataHit blob = new PersonalDataHit(21_000L, 21, 0, tx(21, 0), null, PersonalDataHit.Place.INPUT,
                null, null, "0x" + "c0".repeat(20), 0, 119, "GDPR-MIN-03", "ciphertext-like blob", "binary", 6.7, T);
        ClinicFacts consortium = ClinicFacts.consortium(List.of(hit(20, 0, null, PersonalDataHit.Place.INPUT, null),
                blob), T);
        assertThat(consortium.regimes()).isEmpty();
        assertThat(RulesEngine.standard().evaluate(consortium)).isEmpty();
        List<Finding> findings = RulesEngine.standard().evaluateConsortium(consortium);
        assertThat(findings).extracting(Finding::ruleId).containsExactly("GDPR-MIN-01", "GDPR-MIN-03");
        assertThat(findings).allMatch(f -> f.clinicId().equals(ClinicFacts.CONSORTIUM));
        assertThat(findings.get(0).objects()).containsEntry("sender", "not recoverable");
        assertThat(findings.get(1).objects().get("positions")).isEqualTo("calldata offset 0 (119 bytes, 6.70 bits/byte)");
        assertThat(RulesEngine.standard().rules().stream().filter(Rule::ledgerWide).map(Rule::id))
                .containsExactlyInAnyOrder("GDPR-MIN-01", "GDPR-MIN-03");
    }

    /** Clinic A's writer WRITER_A from block 10; clinic B: OLD_WRITER_B at 10, WRITER_B at 30 (tx 1); A: OLD_WRITER_B at 30 (tx 2). */
    private static List<ProvenEvent> profiles() {
        return List.of(profile(CLINIC_A, "ClinicAdmitted", WRITER_A, 10, 0), profile(CLINIC_B, "ClinicAdmitted",
                OLD_WRITER_B, 10, 1), profile(CLINIC_B, "ClinicUpdated", WRITER_B, 30, 1),
                profile(CLINIC_A, "ClinicUpdated", OLD_WRITER_B, 30, 2));
    }

    private static ProvenEvent profile(String clinic, String name, String writer, long block, int txIndex) {
        return new ProvenEvent(block * 1_000_000 + txIndex, name, clinic, Map.of("clinicId", clinic, "jurisdiction", "0",
                "hipaaCoveredEntity", "false", "writer", writer), block, txIndex, txIndex, tx(block, txIndex), T, null);
    }

    private static PersonalDataHit hit(long block, int txIndex, String sender, PersonalDataHit.Place place,
                                       Integer logIndex) {
        return hit(block, txIndex, sender, place, logIndex, 68, "e-mail address", "ASCII/UTF-8");
    }

    private static PersonalDataHit hit(long block, int txIndex, String sender, PersonalDataHit.Place place,
                                       Integer logIndex, int offset, String kind, String encoding) {
        return new PersonalDataHit(block * 1000 + offset, block, txIndex, tx(block, txIndex), sender, place, logIndex,
                place == PersonalDataHit.Place.LOG_TOPIC ? 1 : null, place == PersonalDataHit.Place.CREATION ? null
                : "0x" + "c0".repeat(20), offset, 0, "GDPR-MIN-01", kind, encoding, 0, T);
    }

    private static String tx(long block, int index) {
        return String.format("0x%062x%02x", block, index);
    }
}
