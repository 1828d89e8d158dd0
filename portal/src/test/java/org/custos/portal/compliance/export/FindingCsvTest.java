package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The findings and disclosures CSV rows: one cell per header column, proofs in order, links to the pages. */
class FindingCsvTest {

    @Test
    void aFindingRowCarriesItsRuleStatusDeadlinesProofsAndPage() throws Exception {
        ExportedFinding f = ExportFixtures.finding();
        Map<String, String> row = written(FindingCsv.HEADER, FindingCsv.row(f, ExportFixtures.LINKS));
        assertThat(row).containsEntry("finding_key", "HIPAA-AOD-01|" + ExportFixtures.CLINIC + "|disclosureId:0x01")
                .containsEntry("rule_id", "HIPAA-AOD-01")
                .containsEntry("rule_version", "1")
                .containsEntry("legal_source", "45 CFR 164.528(a)-(b)")
                .containsEntry("severity", "S2")
                .containsEntry("clinic_id", ExportFixtures.CLINIC)
                .containsEntry("objects", "disclosureId=0x01; missing=recipientId,purposeId")
                .containsEntry("status", "ACCEPTED")
                // the reason typed by a person starts with '=': neutralised, and its quotes and line break kept
                .containsEntry("status_reason", "'=HYPERLINK(\"http://evil\",\"click\"), \"quoted\"\nsecond line — é")
                .containsEntry("current", "true")
                .containsEntry("first_seen", "2026-03-02T10:15:30Z")
                .containsEntry("deadline", "2025-07-01T00:00:00Z")
                .containsEntry("actual", "")
                .containsEntry("evidence_blocks", "42;")
                .containsEntry("evidence_block_hashes", ExportFixtures.BLOCK_HASH + ";")
                .containsEntry("evidence_tx_hashes", ExportFixtures.TX + ";")
                .containsEntry("evidence_log_indexes", "3;")
                .containsEntry("evidence_receipts_roots", ExportFixtures.ROOT + ";")
                .containsEntry("evidence_bundle_files", ";access-log/000012.json")
                .containsEntry("evidence_bundle_sha256", ";" + ExportFixtures.BUNDLE)
                .containsEntry("finding_url", "https://portal.example/custos/compliance/finding.xhtml?key=HIPAA-AOD-01"
                        + "%7C" + ExportFixtures.CLINIC + "%7CdisclosureId%3A0x01");
        assertThat(row.get("evidence")).contains("disclosureRecorded: block 42 (" + ExportFixtures.BLOCK_HASH + ")")
                .contains("receipts root " + ExportFixtures.ROOT)
                .contains("entry: bundle file access-log/000012.json, tree size 40")
                .contains("inclusion path of 2 hashes verified");
    }

    @Test
    void blockHashesAreFilledInForEventProofsOnly() {
        ExportedFinding bare = ExportedFinding.of(ExportFixtures.stored(), n -> null);
        assertThat(bare.blockNumbers()).containsExactly(42L);
        assertThat(bare.proofs()).extracting(ExportedFinding.Proof::blockHash).containsOnlyNulls();
        ExportedFinding hashed = bare.withBlockHashes(n -> "0x" + Long.toHexString(n));
        assertThat(hashed.proofs()).extracting(ExportedFinding.Proof::blockHash).containsExactly("0x2a", null);
        assertThat(hashed.withBlockHashes(n -> n == 42L ? ExportFixtures.BLOCK_HASH : null))
                .isEqualTo(ExportFixtures.finding());
    }

    @Test
    void aDisclosureRowHasDatePurposeRecipientAndProof() throws Exception {
        ExportedDisclosure d = ExportFixtures.disclosure();
        Map<String, String> row = written(DisclosureCsv.HEADER, DisclosureCsv.row(d, ExportFixtures.LINKS));
        assertThat(row).containsEntry("date", "2025-05-04T03:02:01Z")
                .containsEntry("subject_pseudonym", ExportFixtures.SUBJECT)
                .containsEntry("recipient_id", d.recipientId())
                .containsEntry("purpose_code", "2").containsEntry("purpose", "payment")
                .containsEntry("data_category_code", "3").containsEntry("data_category", "lab result")
                .containsEntry("block", "7").containsEntry("block_hash", ExportFixtures.BLOCK_HASH)
                .containsEntry("tx_hash", ExportFixtures.TX).containsEntry("log_index", "2")
                .containsEntry("receipts_root", ExportFixtures.ROOT)
                .containsEntry("event_url", "https://portal.example/custos/ledger/event.xhtml?id=7000002")
                .containsEntry("block_url", "https://portal.example/custos/ledger/block.xhtml?number=7");
    }

    /** Writes header and row with {@link CsvWriter}, parses them back, and pairs columns with cells. */
    private static Map<String, String> written(List<String> header, List<String> row) throws Exception {
        assertThat(row).hasSameSizeAs(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(out, header)) {
            csv.row(row);
        }
        List<List<String>> parsed = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(parsed).hasSize(2);
        return IntStream.range(0, header.size()).boxed()
                .collect(Collectors.toMap(header::get, i -> parsed.get(1).get(i)));
    }

    @Test
    void codedObjectsAreWrittenInWordsWithTheirRawCodeAndWordsAndIdsStayAsTheyAre() {
        Map<String, String> objects = new java.util.LinkedHashMap<>();
        objects.put("dataCategory", "3");
        objects.put("docType", "9");
        objects.put("requestType", "ACCESS");
        objects.put("basisCode", "257");
        objects.put("recordId", "0x05");
        assertThat(FindingCsv.objects(objects)).isEqualTo("dataCategory=lab result (3); docType=unknown code 9 (9); "
                + "requestType=ACCESS; basisCode=Art 6(1)(a) with Art 9(2)(a) (257); recordId=0x05");
    }
}
