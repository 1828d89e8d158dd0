package org.custos.portal.compliance.domain;

import java.util.List;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * One proof behind a finding: a proven event (block, transaction, log index, the block's receipts root under
 * which its receipt was proven) or a bundle file (path; for an access-log entry its leaf index, the anchored tree
 * size and root it is checked against and its RFC 9162 inclusion path).
 */
public record EvidenceRef(String role, Long block, String txHash, Integer logIndex, String receiptsRoot,
                          String time, String path, Long treeSize, String anchoredRoot, List<String> inclusionPath,
                          Boolean inclusionVerified, String bundleSha256) {

    public static EvidenceRef event(String role, ProvenEvent e) {
        return new EvidenceRef(role, e.block(), e.txHash(), e.logIndex(), e.receiptsRoot(), e.time().toString(),
                null, null, null, List.of(), null, null);
    }

    public static EvidenceRef file(String role, String path, String bundleSha256) {
        return new EvidenceRef(role, null, null, null, null, null, path, null, null, List.of(), null, bundleSha256);
    }

    public static EvidenceRef entry(String path, long treeSize, String anchoredRoot, List<String> inclusionPath,
                                    boolean verified, String bundleSha256) {
        return new EvidenceRef("entry", null, null, null, null, null, path, treeSize, anchoredRoot,
                List.copyOf(inclusionPath), verified, bundleSha256);
    }
}
