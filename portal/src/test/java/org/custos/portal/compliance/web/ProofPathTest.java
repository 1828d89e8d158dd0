package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.FindingMerger;
import org.junit.jupiter.api.Test;

class ProofPathTest {

    @Test
    void storedEvidenceReadsBackAsStepsWithTheLedgerEventId() {
        EvidenceRef onChain = new EvidenceRef("answered", 1234L, "0x" + "11".repeat(32), 7, "0x" + "22".repeat(32),
                "2026-01-01T00:00:00Z", null, null, null, List.of(), null, null);
        EvidenceRef entry = EvidenceRef.entry("access-log/00000042.json", 100, "0x" + "33".repeat(32),
                List.of("0x" + "44".repeat(32), "0x" + "55".repeat(32)), false, "0x" + "66".repeat(32));
        EvidenceRef file = EvidenceRef.file("receipt", "kms/receipt-1.json", "0x" + "66".repeat(32));
        // stored exactly as FindingMerger stores a finding's evidence
        List<ProofPath.Step> steps = ProofPath.steps(FindingMerger.json(List.of(onChain, entry, file)));

        assertThat(steps).extracting(ProofPath.Step::ref).containsExactly(onChain, entry, file);
        assertThat(steps.get(0).isOnChain()).isTrue();
        assertThat(steps.get(0).eventId()).isEqualTo(1234L * 1_000_000L + 7);
        assertThat(steps.get(1).isEntry()).isTrue();
        assertThat(steps.get(1).ref().inclusionVerified()).isFalse();
        assertThat(steps.get(1).eventId()).isNull();
        assertThat(steps.get(2).isFile()).isTrue();
    }

    @Test
    void objectsAreSortedByName() {
        assertThat(ProofPath.objects(FindingMerger.json(Map.of("requestId", "r-1", "keyId", "k-9"))))
                .containsExactly(Map.entry("keyId", "k-9"), Map.entry("requestId", "r-1"));
    }
}
