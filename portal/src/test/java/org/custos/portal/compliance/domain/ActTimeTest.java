package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the act of a finding happened: its actual time, else its deadline, else its first proven event's block. */
class ActTimeTest {

    static final String CLINIC = "0x" + "ab".repeat(32);
    static final Instant BLOCK_TIME = Instant.parse("2025-03-14T09:26:53Z");

    static EvidenceRef event(String role, long block, String time) {
        return new EvidenceRef(role, block, "0x" + "7a".repeat(32), 1, "0x" + "c0".repeat(32), time, null, null,
                null, List.of(), null, null);
    }

    static Finding finding(String rule, List<EvidenceRef> evidence, Instant deadline, Instant actual) {
        return new Finding(rule, 1, "source", Severity.S2, CLINIC, "object:1", "summary", Map.of(), evidence,
                deadline, actual);
    }

    @Test
    void aDisclosureFindingWithoutDeadlineOrActualTakesItsEventsBlockTime() {
        // HIPAA-AOD-01 and GDPR-MIN-01 record neither: before, the chart put them in the month they were found
        Finding f = finding("HIPAA-AOD-01", List.of(event("disclosureRecorded", 12, BLOCK_TIME.toString())), null,
                null);
        assertThat(ActTime.of(f)).isEqualTo(BLOCK_TIME);
    }

    @Test
    void theActualTimeComesFirstThenTheDeadline() {
        Instant deadline = Instant.parse("2025-06-01T00:00:00Z");
        Instant actual = Instant.parse("2025-07-02T00:00:00Z");
        List<EvidenceRef> ev = List.of(event("requestReceived", 3, BLOCK_TIME.toString()));
        assertThat(ActTime.of(finding("GDPR-DSR-01", ev, deadline, actual))).isEqualTo(actual);
        assertThat(ActTime.of(finding("GDPR-DSR-01", ev, deadline, null))).isEqualTo(deadline);
    }

    @Test
    void theFirstEventWithATimeCountsFilesAndBadTimesAreSkipped() {
        EvidenceRef file = EvidenceRef.file("bundle", "manifest.json", "0x" + "e5".repeat(32));
        EvidenceRef noTime = event("checkpoint", 4, null);
        EvidenceRef garbage = event("checkpoint", 5, "yesterday");
        EvidenceRef later = event("checkpoint", 9, "2025-09-01T00:00:00Z");
        assertThat(ActTime.of(finding("X", List.of(file, noTime, garbage, event("e", 6, BLOCK_TIME.toString()),
                later), null, null))).isEqualTo(BLOCK_TIME);
    }

    @Test
    void noEventNoDeadlineNoActualGivesNull() {
        assertThat(ActTime.of(finding("X", List.of(), null, null))).isNull();
        assertThat(ActTime.of(finding("X", List.of(EvidenceRef.file("f", "a.json", null)), null, null))).isNull();
    }

    @Test
    void theStoredFindingKeepsItAndARefreshReplacesIt() {
        Instant seen = Instant.parse("2026-12-07T10:00:00Z");
        Finding f = finding("GDPR-MIN-01", List.of(event("disclosureRecorded", 12, BLOCK_TIME.toString())), null,
                null);
        StoredFinding s = new StoredFinding(f, "{}", "[]", "block:1|bundle:none", seen);
        assertThat(s.getActTime()).isEqualTo(BLOCK_TIME);
        Instant actual = Instant.parse("2025-01-01T00:00:00Z");
        s.refresh(finding("GDPR-MIN-01", f.evidence(), null, actual), "{}", "[]", "block:2|bundle:none", seen);
        assertThat(s.getActTime()).isEqualTo(actual);
    }
}
