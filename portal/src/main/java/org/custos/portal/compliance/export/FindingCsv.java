package org.custos.portal.compliance.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * The columns of {@code findings.csv} and one finding's row (docs/exports.md). Evidence coordinates are lists in
 * the order of the finding's proofs, joined with {@code ;}; an empty place keeps positions aligned.
 */
public final class FindingCsv {

    public static final List<String> HEADER = List.of("finding_key", "rule_id", "rule_version", "legal_source",
            "severity", "clinic_id", "object_key", "summary", "objects", "status", "status_reason",
            "status_changed_by", "status_changed_at", "current", "first_seen", "last_seen", "deadline", "actual",
            "evidence_blocks", "evidence_block_hashes", "evidence_tx_hashes", "evidence_log_indexes",
            "evidence_receipts_roots", "evidence_bundle_files", "evidence_bundle_sha256", "evidence",
            "finding_url", "clinic_name", "act_time");

    private FindingCsv() {
    }

    /** The row without clinic names ({@code clinic_name} is then the short id). */
    public static List<String> row(ExportedFinding f, PortalLinks links) {
        return row(f, links, ClinicDirectory.empty());
    }

    /**
     * The row; {@code clinic_name} and {@code act_time} come last (added after the first release: the columns
     * before them keep their order and meaning).
     */
    public static List<String> row(ExportedFinding f, PortalLinks links, ClinicDirectory clinics) {
        List<ExportedFinding.Proof> p = f.proofs();
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(f.key());
        row.add(f.ruleId());
        row.add(Integer.toString(f.ruleVersion()));
        row.add(f.legalSource());
        row.add(f.severity().name());
        row.add(f.clinicId());
        row.add(f.objectKey());
        row.add(f.summary());
        row.add(objects(f.objects()));
        row.add(f.status().name());
        row.add(f.statusReason());
        row.add(f.statusChangedBy());
        row.add(time(f.statusChangedAt()));
        row.add(Boolean.toString(f.current()));
        row.add(time(f.firstSeen()));
        row.add(time(f.lastSeen()));
        row.add(time(f.deadline()));
        row.add(time(f.actual()));
        row.add(join(p, x -> x.ref().block() == null ? "" : x.ref().block().toString()));
        row.add(join(p, x -> x.blockHash()));
        row.add(join(p, x -> x.ref().txHash()));
        row.add(join(p, x -> x.ref().logIndex() == null ? "" : x.ref().logIndex().toString()));
        row.add(join(p, x -> x.ref().receiptsRoot()));
        row.add(join(p, x -> x.ref().path()));
        row.add(join(p, x -> x.ref().bundleSha256()));
        row.add(p.stream().map(x -> describe(x)).collect(Collectors.joining("; ")));
        row.add(links.finding(f.key()));
        row.add(clinics.name(f.clinicId()));
        row.add(time(f.actTime()));
        return row;
    }

    /** One proof in words, e.g. {@code disclosureRecorded: block 12 (0x…), tx 0x…, log 3, receipts root 0x…}. */
    static String describe(ExportedFinding.Proof proof) {
        EvidenceRef r = proof.ref();
        StringBuilder s = new StringBuilder(r.role() == null ? "proof" : r.role()).append(": ");
        if (r.block() != null) {
            s.append("block ").append(r.block());
            if (proof.blockHash() != null) {
                s.append(" (").append(proof.blockHash()).append(')');
            }
            s.append(", tx ").append(r.txHash()).append(", log ").append(r.logIndex())
                    .append(", receipts root ").append(r.receiptsRoot());
            if (r.time() != null) {
                s.append(", time ").append(r.time());
            }
        } else {
            s.append("bundle file ").append(r.path());
            if (r.treeSize() != null) {
                s.append(", tree size ").append(r.treeSize()).append(", anchored root ").append(r.anchoredRoot())
                        .append(", inclusion path of ").append(r.inclusionPath().size()).append(" hashes ")
                        .append(Boolean.TRUE.equals(r.inclusionVerified()) ? "verified" : "NOT verified");
            }
            if (r.bundleSha256() != null) {
                s.append(", bundle ").append(r.bundleSha256());
            }
        }
        return s.toString();
    }

    static String objects(Map<String, String> objects) {
        return objects.entrySet().stream()
                .map(e -> e.getKey() + "=" + EventVocabulary.display(e.getKey(), e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String join(List<ExportedFinding.Proof> proofs, Function<ExportedFinding.Proof, String> value) {
        if (proofs.stream().allMatch(x -> value.apply(x) == null || value.apply(x).isEmpty())) {
            return "";
        }
        return proofs.stream().map(x -> value.apply(x) == null ? "" : value.apply(x)).collect(Collectors.joining(";"));
    }

    static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
