package org.custos.portal.compliance.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;

/** Findings and disclosures as the store holds them, for the export tests; values chosen to be hostile. */
final class ExportFixtures {

    static final String CLINIC = "0x" + "ab".repeat(32);
    static final String SUBJECT = "0x" + "5e".repeat(32);
    static final String TX = "0x" + "7a".repeat(32);
    static final String ROOT = "0x" + "c0".repeat(32);
    static final String BLOCK_HASH = "0x" + "b1".repeat(32);
    static final String ANCHORED = "0x" + "d4".repeat(32);
    static final String BUNDLE = "0x" + "e5".repeat(32);
    static final Instant SEEN = Instant.parse("2026-03-02T10:15:30Z");
    static final ChainRef CHAIN = new ChainRef(0L, "0x" + "9c".repeat(32));
    static final PortalLinks LINKS = new PortalLinks("https://portal.example/custos/");

    private ExportFixtures() {
    }

    /** A HIPAA-AOD-01 finding on a proven event and an access-log entry, with a reason typed by a person. */
    static StoredFinding stored() {
        EvidenceRef event = new EvidenceRef("disclosureRecorded", 42L, TX, 3, ROOT, "2025-06-01T08:00:00Z", null,
                null, null, List.of(), null, null);
        EvidenceRef entry = EvidenceRef.entry("access-log/000012.json", 40, ANCHORED,
                List.of("0x" + "01".repeat(32), "0x" + "02".repeat(32)), true, BUNDLE);
        Finding f = new Finding("HIPAA-AOD-01", 1, "45 CFR 164.528(a)-(b)", Severity.S2, CLINIC,
                "disclosureId:0x01", "Disclosure without recipientId, purposeId",
                Map.of("disclosureId", "0x01", "missing", "recipientId,purposeId"), List.of(event, entry),
                Instant.parse("2025-07-01T00:00:00Z"), null);
        StoredFinding s = new StoredFinding(f, FindingMerger.json(f.objects()), FindingMerger.json(f.evidence()),
                "block:99|bundle:none", SEEN);
        s.changeStatus(FindingStatus.ACCEPTED, "=HYPERLINK(\"http://evil\",\"click\"), \"quoted\"\nsecond line — é",
                "regulator", SEEN);
        return s;
    }

    static ExportedFinding finding() {
        return ExportedFinding.of(stored(), n -> n == 42L ? BLOCK_HASH : null);
    }

    static ExportedDisclosure disclosure() {
        return new ExportedDisclosure(7L * 1_000_000L + 2, CLINIC, "0x" + "d1".repeat(32), SUBJECT,
                "0x" + "ee".repeat(32), 2, 3, Instant.parse("2025-05-04T03:02:01Z"), 7L, BLOCK_HASH, 1, TX, 2, ROOT);
    }
}
