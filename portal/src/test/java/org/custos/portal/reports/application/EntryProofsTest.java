package org.custos.portal.reports.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.junit.jupiter.api.Test;

/**
 * Which cited access-log entries a report's evidence carries an inclusion proof for: only those whose proof verified,
 * whose leaf hash was kept and whose anchored root and size are a proven AuditCheckpoint of the clinic; once each.
 */
class EntryProofsTest {

    private static final String CLINIC = "0x" + "0c".repeat(32);
    private static final String ROOT = "0x" + "AB".repeat(32);
    private static final String LEAF = "0x" + "11".repeat(32);
    private static final VerifiedEvent CHECKPOINT_EVENT = new VerifiedEvent(212, 0, 0, "0x" + "22".repeat(32),
            "0x" + "33".repeat(20), "records", "AuditCheckpoint", CLINIC, "{}", "", "0x", Instant.EPOCH);

    private static final ProvenEvent CHECKPOINT = new ProvenEvent(CHECKPOINT_EVENT.getId(), "AuditCheckpoint", CLINIC,
            Map.of("clinicId", CLINIC, "treeSize", "40", "rootHash", ROOT.toLowerCase()), 212, 0, 0,
            "0x" + "22".repeat(32), Instant.EPOCH, "0x" + "44".repeat(32));

    private static EvidenceRef entry(String path, long size, String root, boolean verified, String leaf) {
        return EvidenceRef.entry(path, size, root, List.of("0x" + "55".repeat(32), "0x" + "66".repeat(32)), verified,
                "0x" + "77".repeat(32), leaf, leaf == null ? null : "0x7b7d");
    }

    /** A ledger index that knows one event, the checkpoint's; anything else it is asked is a test error. */
    private static LedgerIndex index() {
        return (LedgerIndex) Proxy.newProxyInstance(LedgerIndex.class.getClassLoader(),
                new Class<?>[] {LedgerIndex.class}, (proxy, method, args) -> {
                    if (method.getName().equals("event")) {
                        return (long) args[0] == CHECKPOINT_EVENT.getId() ? Optional.of(CHECKPOINT_EVENT)
                                : Optional.empty();
                    }
                    throw new AssertionError("unexpected " + method.getName());
                });
    }

    @Test
    void aVerifiedEntryWithItsLeafHashIsProvenUnderItsAnchoredCheckpoint() {
        List<TranscriptBuilder.Inclusion> proofs = EntryProofs.of(List.of(
                entry("access-log/000012.json", 40, ROOT, true, LEAF),
                entry("access-log/000012.json", 40, ROOT, true, LEAF)), List.of(CHECKPOINT), index());
        assertThat(proofs).hasSize(1);
        TranscriptBuilder.Inclusion p = proofs.get(0);
        assertThat(p.index()).isEqualTo(12);
        assertThat(p.size()).isEqualTo(40);
        assertThat(p.root()).isEqualTo(ROOT.toLowerCase());
        assertThat(p.leafHash()).isEqualTo(LEAF);
        assertThat(p.proof()).hasSize(2);
        assertThat(p.checkpoint()).isSameAs(CHECKPOINT_EVENT);
        assertThat(p.leaf()).isEqualTo("0x7b7d");
    }

    @Test
    void entriesTheVerifierCouldNotCheckAreLeftOut() {
        List<EvidenceRef> refs = List.of(
                entry("access-log/000012.json", 40, ROOT, true, null),          // leaf hash not kept (older finding)
                entry("access-log/000013.json", 40, ROOT, false, LEAF),          // did not verify against the root
                entry("access-log/000014.json", 41, ROOT, true, LEAF),           // no checkpoint of that size
                entry("access-log/000015.json", 40, "0x" + "cd".repeat(32), true, LEAF), // another root
                entry("documents/ropa.json", 40, ROOT, true, LEAF),             // not an access-log entry
                entry("access-log/../000016.json", 40, ROOT, true, LEAF),       // not an entry path
                EvidenceRef.file("kmsReceipt", "kms-receipts/000001.json", "0x" + "77".repeat(32)));
        assertThat(EntryProofs.of(refs, List.of(CHECKPOINT), index())).isEmpty();
        assertThat(EntryProofs.of(List.of(entry("access-log/000012.json", 40, ROOT, true, LEAF)), List.of(),
                index())).as("no proven checkpoint at all").isEmpty();
    }
}
