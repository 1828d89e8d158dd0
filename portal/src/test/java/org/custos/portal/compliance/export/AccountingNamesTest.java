package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

/**
 * The accounting of disclosures in words: its legal label by the clinic's regimes, recipients named where the
 * consortium registers them (its clinics), unregistered ones kept as their hash and said to be unregistered, and
 * the export's new name columns after the old ones.
 */
class AccountingNamesTest {

    static final String NORTH = ExportFixtures.CLINIC;
    static final String SOUTH = "0x" + "0b".repeat(32);
    static final String STRANGER = "0x" + "ee".repeat(32);
    static final ClinicDirectory NAMES = ClinicDirectory.of(NORTH + "=North Clinic;" + SOUTH + "=South <Clinic>",
            Map.of());

    @Test
    void anEuClinicsAccountingIsGdprArticle15NotHipaa() {
        assertThat(AccountingLabel.of(List.of(Regimes.of(0, false)))).containsExactly(AccountingLabel.GDPR);
        assertThat(AccountingLabel.of(List.of(Regimes.of(1, false)))).containsExactly(AccountingLabel.UK_GDPR);
        assertThat(AccountingLabel.of(List.of(Regimes.of(2, true)))).containsExactly(AccountingLabel.HIPAA);
        assertThat(AccountingLabel.text(List.of(Regimes.of(0, false)))).contains("Art 15(1)(c)")
                .doesNotContain("HIPAA");
    }

    @Test
    void bothLabelsWhenBothApply() {
        assertThat(AccountingLabel.of(List.of(Regimes.of(0, true)))).containsExactly(AccountingLabel.GDPR,
                AccountingLabel.HIPAA);
        assertThat(AccountingLabel.of(List.of(Regimes.of(1, false), Regimes.of(2, true))))
                .containsExactly(AccountingLabel.UK_GDPR, AccountingLabel.HIPAA);
        assertThat(AccountingLabel.text(List.of(Regimes.of(0, true)))).contains("164.528", "15(1)(c)");
    }

    @Test
    void noRegimeKnownNamesWhatEachRegimeWouldCallIt() {
        assertThat(AccountingLabel.of(List.of())).containsExactly(AccountingLabel.GDPR, AccountingLabel.HIPAA);
        assertThat(AccountingLabel.of(List.of(Regimes.of(2, false)))).containsExactly(AccountingLabel.GDPR,
                AccountingLabel.HIPAA);
    }

    @Test
    void aRecipientThatIsAConsortiumClinicIsNamedOthersAreUnregistered() {
        RecipientNames r = new RecipientNames(NAMES, Set.of(NORTH, SOUTH));
        assertThat(r.name(SOUTH)).isEqualTo("South <Clinic>");
        assertThat(r.name(SOUTH.toUpperCase().replace("0X", "0x"))).isEqualTo("South <Clinic>");
        assertThat(r.registered(STRANGER)).isFalse();
        assertThat(r.name(STRANGER)).isEqualTo(RecipientNames.UNREGISTERED);
        assertThat(r.name(null)).isEqualTo(RecipientNames.UNREGISTERED);
        // admitted on chain but not in the register: a clinic, named by its short id
        String admitted = "0x" + "0c".repeat(32);
        assertThat(new RecipientNames(NAMES, Set.of(admitted)).name(admitted)).isEqualTo(ClinicDirectory.shortId(
                admitted));
        assertThat(RecipientNames.none().registered(SOUTH)).isFalse();
    }

    @Test
    void theCsvKeepsItsColumnsAndAddsNamesAfterThem() throws Exception {
        assertThat(DisclosureCsv.HEADER.subList(0, 17)).containsExactly("date", "subject_pseudonym", "clinic_id",
                "disclosure_id", "recipient_id", "purpose_code", "purpose", "data_category_code", "data_category",
                "block", "block_hash", "tx_hash", "tx_index", "log_index", "receipts_root", "event_url", "block_url");
        ExportedDisclosure d = ExportFixtures.disclosure();
        Map<String, String> unregistered = written(DisclosureCsv.row(d, ExportFixtures.LINKS, NAMES,
                new RecipientNames(NAMES, Set.of(NORTH, SOUTH))));
        assertThat(unregistered).containsEntry("clinic_id", NORTH).containsEntry("clinic_name", "North Clinic")
                .containsEntry("recipient_id", STRANGER)
                .containsEntry("recipient_name", RecipientNames.UNREGISTERED)
                .containsEntry("recipient_registered", "false");
        ExportedDisclosure toSouth = new ExportedDisclosure(d.eventId(), d.clinicId(), d.disclosureId(), d.subject(),
                SOUTH, d.purposeId(), d.dataCategory(), d.time(), d.block(), d.blockHash(), d.txIndex(), d.txHash(),
                d.logIndex(), d.receiptsRoot());
        assertThat(written(DisclosureCsv.row(toSouth, ExportFixtures.LINKS, NAMES, new RecipientNames(NAMES,
                Set.of(NORTH, SOUTH))))).containsEntry("recipient_id", SOUTH)
                .containsEntry("recipient_name", "South <Clinic>").containsEntry("recipient_registered", "true");
        assertThat(written(DisclosureCsv.row(d, ExportFixtures.LINKS))).containsEntry("clinic_name",
                ClinicDirectory.shortId(NORTH)).containsEntry("recipient_name", RecipientNames.UNREGISTERED);
    }

    @Test
    void theFhirAgentsShowNamesAndKeepTheIdsAsIdentifiers() {
        ExportedDisclosure d = ExportFixtures.disclosure();
        AuditEvent a = DisclosureFhir.auditEvent(d, ExportFixtures.LINKS, NAMES, new RecipientNames(NAMES,
                Set.of(NORTH)));
        assertThat(a.getAgent().get(0).getWho().getDisplay()).isEqualTo("clinic North Clinic (" + NORTH + ")");
        assertThat(a.getAgent().get(0).getWho().getIdentifier().getValue()).isEqualTo(NORTH);
        assertThat(a.getAgent().get(1).getWho().getDisplay()).isEqualTo("unregistered recipient " + STRANGER);
        assertThat(a.getAgent().get(1).getWho().getIdentifier().getValue()).isEqualTo(STRANGER);
    }

    @Test
    void theFindingsFhirNamesTheAuditedClinicAndKeepsItsId() {
        AuditEvent a = FindingFhir.auditEvent(ExportFixtures.finding(), ExportFixtures.LINKS, NAMES);
        assertThat(a.getAgent().get(0).getWho().getDisplay()).isEqualTo("clinic North Clinic (" + NORTH + ")");
        assertThat(a.getAgent().get(0).getWho().getIdentifier().getValue()).isEqualTo(NORTH);
        assertThat(FindingFhir.auditEvent(ExportFixtures.finding(), ExportFixtures.LINKS).getAgent().get(0).getWho()
                .getDisplay()).isEqualTo("clinic " + NORTH);
    }

    @Test
    void theFindingsCsvAddsClinicNameAndActTimeAfterItsColumns() throws Exception {
        assertThat(FindingCsv.HEADER.subList(FindingCsv.HEADER.size() - 3, FindingCsv.HEADER.size()))
                .containsExactly("finding_url", "clinic_name", "act_time");
        List<String> row = FindingCsv.row(ExportFixtures.finding(), ExportFixtures.LINKS, NAMES);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            cells.put(FindingCsv.HEADER.get(i), row.get(i));
        }
        assertThat(cells).containsEntry("clinic_id", NORTH).containsEntry("clinic_name", "North Clinic")
                .containsEntry("deadline", "2025-07-01T00:00:00Z").containsEntry("act_time", "2025-07-01T00:00:00Z");
    }

    private static Map<String, String> written(List<String> row) throws Exception {
        assertThat(row).hasSameSizeAs(DisclosureCsv.HEADER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(out, DisclosureCsv.HEADER)) {
            csv.row(row);
        }
        List<List<String>> parsed = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0)).isEqualTo(DisclosureCsv.HEADER);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < DisclosureCsv.HEADER.size(); i++) {
            cells.put(DisclosureCsv.HEADER.get(i), parsed.get(1).get(i));
        }
        return cells;
    }
}
