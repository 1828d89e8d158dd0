package org.custos.portal.compliance.domain;

import java.util.List;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * One proof behind a finding: a proven event (block, transaction, log index, the block's receipts root under
 * which its receipt was proven) or a bundle file (path; for an access-log entry its leaf index, the anchored tree
 * size and root it is checked against, its RFC 9162 inclusion path, its leaf hash SHA-256(0x00 ‖ entry) and the
 * entry's exact bytes ({@code leaf}, 0x-hex), so that a report can embed the proof and the entry for
 * ledger-verifier: both are null in findings stored before they were kept).
 */
public record EvidenceRef(String role, Long block, String txHash, Integer logIndex, String receiptsRoot,
                          String time, String path, Long treeSize, String anchoredRoot, List<String> inclusionPath,
                          Boolean inclusionVerified, String bundleSha256,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String leafHash,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String leaf) {

    /** Without a leaf hash (an event, a file, or an entry stored before leaf hashes were kept). */
    public EvidenceRef(String role, Long block, String txHash, Integer logIndex, String receiptsRoot, String time,
                       String path, Long treeSize, String anchoredRoot, List<String> inclusionPath,
                       Boolean inclusionVerified, String bundleSha256) {
        this(role, block, txHash, logIndex, receiptsRoot, time, path, treeSize, anchoredRoot, inclusionPath,
                inclusionVerified, bundleSha256, null, null);
    }

    public static EvidenceRef event(String role, ProvenEvent e) {
        return new EvidenceRef(role, e.block(), e.txHash(), e.logIndex(), e.receiptsRoot(), e.time().toString(),
                null, null, null, List.of(), null, null);
    }

    public static EvidenceRef file(String role, String path, String bundleSha256) {
        return new EvidenceRef(role, null, null, null, null, null, path, null, null, List.of(), null, bundleSha256);
    }

    public static EvidenceRef entry(String path, long treeSize, String anchoredRoot, List<String> inclusionPath,
                                    boolean verified, String bundleSha256) {
        return entry(path, treeSize, anchoredRoot, inclusionPath, verified, bundleSha256, null, null);
    }

    public static EvidenceRef entry(String path, long treeSize, String anchoredRoot, List<String> inclusionPath,
                                    boolean verified, String bundleSha256, String leafHash, String leaf) {
        return new EvidenceRef("entry", null, null, null, null, null, path, treeSize, anchoredRoot,
                List.copyOf(inclusionPath), verified, bundleSha256, leafHash, leaf);
    }

    /** The leaf index of an access-log entry ({@code access-log/000053.json}: 53), or -1 for any other path. */
    public long entryIndex() {
        if (path == null) {
            return -1;
        }
        java.util.regex.Matcher m = ENTRY.matcher(path);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("access-log/(\\d{1,18})\\.json");
}
