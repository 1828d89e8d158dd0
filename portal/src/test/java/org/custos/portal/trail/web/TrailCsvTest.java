package org.custos.portal.trail.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.custos.portal.compliance.export.CsvWriter;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailRecord;
import org.junit.jupiter.api.Test;

/** A trail entry as a CSV row: every field, both hashes, formula-looking text neutralised, commas quoted. */
class TrailCsvTest {

    @Test
    void everyFieldInItsColumnAndTypedTextCannotBecomeAFormula() throws IOException {
        TrailEntry e = TrailEntry.chain(7, new TrailRecord(Instant.parse("2026-12-07T10:15:30Z"), "=cmd|' /C calc'!A0",
                "compliance_officer,dpo", "clinic-north", TrailAction.EXPORT_DOWNLOADED, "export", "findings.csv",
                "clinic 0x01; rule=any, \"quoted\"\nnext line"), "ab".repeat(32));
        assertThat(TrailCsv.row(e)).hasSize(TrailCsv.HEADER.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(out, TrailCsv.HEADER)) {
            csv.row(TrailCsv.row(e));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("seq,occurred_at_utc,user,roles,clinic,action,object_type,object_id,detail,"
                + "entry_hash,prev_hash\r\n");
        assertThat(text).contains("7,2026-12-07T10:15:30Z,'=cmd|' /C calc'!A0,\"compliance_officer,dpo\","
                + "clinic-north,EXPORT_DOWNLOADED,export,findings.csv,\"clinic 0x01; rule=any, \"\"quoted\"\"\nnext "
                + "line\"," + e.getEntryHash() + "," + "ab".repeat(32) + "\r\n");
    }

    @Test
    void aRegulatorsEntryHasAnEmptyClinicAndAnEntryWithoutObjectIdAnEmptyCell() throws IOException {
        TrailEntry e = TrailEntry.chain(1, new TrailRecord(Instant.parse("2026-12-07T10:15:30Z"), "regulator",
                "regulator", null, TrailAction.SIGN_IN, "session", null, null), "00".repeat(32));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(out, TrailCsv.HEADER)) {
            csv.row(TrailCsv.row(e));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\r\n1,2026-12-07T10:15:30Z,regulator,regulator,,"
                + "SIGN_IN,session,,," + e.getEntryHash() + "," + "00".repeat(32) + "\r\n");
    }
}
