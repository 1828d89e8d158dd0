package org.custos.portal.evidence.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link BundleVerifier} established for one bundle against the clinic's proven events. Rules read it; the
 * application stores its summary with the bundle's SHA-256.
 *
 * @param checkpoints   one per anchored {@code AuditCheckpoint}, chain order
 * @param receipts      one per {@code KeyDestroyed}
 * @param documents     one per {@code DocumentAnchored}
 * @param policyTexts   {@code ConsentGranted.policyHash} values and whether a bundled document has that SHA-256
 * @param retentionDays RoPA retention per data category (from the anchored, matching {@code ropa-v1.json}), empty
 *                      when no verified machine-readable RoPA
 * @param allowed       role → data categories (from the anchored, matching access policy JSON), empty when none
 * @param reviews       break-glass reviews: anchored, matching documents and the entries they name
 * @param identifiers   identifiers the clinic lists for the plain-hash check (empty when the bundle has none)
 */
public record BundleVerification(String bundleSha256, String clinic, int entries,
                                 List<CheckpointCheck> checkpoints, List<ReceiptCheck> receipts,
                                 List<DocumentCheck> documents, Map<String, Boolean> policyTexts,
                                 Map<Integer, Integer> retentionDays, Map<String, Set<Integer>> allowed,
                                 List<Review> reviews, List<String> identifiers, long coveredEntries) {

    /** Status of an anchored checkpoint against the bundle's leaves. */
    public enum RootStatus { MATCH, MISMATCH, SHORT }

    /** Signed tree head of a checkpoint. */
    public enum HeadStatus { OK, MISSING, DIFFERENT, WRONG_SIGNER }

    public record CheckpointCheck(int index, ProvenEvent event, long treeSize, String anchoredRoot,
                                  String bundleRoot, RootStatus status, Boolean consistentWithPrevious,
                                  List<String> consistencyProof, HeadStatus head, String headSigner) {
    }

    public enum ReceiptStatus { OK, MISSING, CONTENT_MISMATCH, WRONG_SIGNER, BAD_SIGNATURE }

    public record ReceiptCheck(ProvenEvent event, String keyId, String path, ReceiptStatus status, String signer) {
    }

    public record DocumentCheck(ProvenEvent event, int docType, int version, String docHash, String path) {

        public boolean found() {
            return path != null;
        }
    }

    /** A break-glass review: anchored document, its block time, the entries it names with their SHA-256. */
    public record Review(ProvenEvent anchor, String path, Map<String, String> entrySha256ByPath) {
    }

    public boolean malformedLog() {
        return checkpoints.stream().anyMatch(c -> c.status() != RootStatus.MATCH);
    }
}
