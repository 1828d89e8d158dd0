package org.custos.portal.reports.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.VerifiedEvent;

/**
 * The inclusion proofs of the access-log entries a report's findings cite, for its evidence: each entry whose
 * proof verified against the anchored root when its bundle was checked (and whose leaf hash was kept), anchored to
 * the clinic's proven {@code AuditCheckpoint} of that root and tree size, with the entry's bytes when they were kept
 * (ledger-verifier then recomputes the leaf hash from them). Entries without a kept leaf hash (found
 * before it was kept), whose proof did not verify, or whose checkpoint is not among the clinic's proven events
 * are left out: the report prints their path, and the evidence carries only what ledger-verifier can check.
 */
final class EntryProofs {

    /** Proofs embedded at most (each about 2 KB: a leaf hash and up to ~30 path hashes). */
    static final int MAX = 2_000;

    private EntryProofs() {
    }

    static List<TranscriptBuilder.Inclusion> of(Collection<EvidenceRef> refs, List<ProvenEvent> clinicEvents,
                                                LedgerIndex index) {
        Map<String, ProvenEvent> checkpoints = new HashMap<>();
        for (ProvenEvent e : clinicEvents) {
            if (e.name().equals("AuditCheckpoint")) {
                checkpoints.putIfAbsent(key(Long.toString(e.longField("treeSize")), e.field("rootHash")), e);
            }
        }
        Map<String, TranscriptBuilder.Inclusion> out = new LinkedHashMap<>();
        for (EvidenceRef r : refs) {
            if (out.size() >= MAX || r.leafHash() == null || !Boolean.TRUE.equals(r.inclusionVerified())
                    || r.treeSize() == null || r.anchoredRoot() == null || r.entryIndex() < 0) {
                continue;
            }
            ProvenEvent checkpoint = checkpoints.get(key(Long.toString(r.treeSize()), r.anchoredRoot()));
            String id = r.entryIndex() + "@" + r.treeSize();
            if (checkpoint == null || out.containsKey(id)) {
                continue;
            }
            VerifiedEvent event = index.event(checkpoint.id(), null).orElse(null);
            if (event != null) {
                out.put(id, new TranscriptBuilder.Inclusion(r.leafHash().toLowerCase(Locale.ROOT), r.entryIndex(),
                        r.treeSize(), r.anchoredRoot().toLowerCase(Locale.ROOT), new ArrayList<>(r.inclusionPath()),
                        event, r.leaf()));
            }
        }
        return List.copyOf(out.values());
    }

    private static String key(String treeSize, String root) {
        return treeSize + ":" + (root == null ? "" : root.toLowerCase(Locale.ROOT));
    }
}
