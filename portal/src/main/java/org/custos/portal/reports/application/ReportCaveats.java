package org.custos.portal.reports.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.Severity;
import org.custos.reports.model.VerificationSummary;

/**
 * What a report must say about the ledger behind it: its verification summary, its chain checks, the split-view
 * comparison across the configured nodes, the integrity alerts, and the caveats printed first (open alerts, a
 * halted sync, a sync behind the node).
 */
@Dependent
public class ReportCaveats {

    /** An alert seen this recently is open: the sync raised it again in one of its last runs. */
    static final Duration OPEN_WINDOW = Duration.ofHours(1);

    @Inject
    LedgerIndex index;

    /** The caveats about the ledger as of the report's issue time; empty when there is nothing to say. */
    List<String> ledger(ReportContent.Context c) {
        List<String> notes = new ArrayList<>();
        SyncState s = c.state();
        if (s.getHaltedAt() != null) {
            notes.add("The ledger sync is halted at block " + s.getHaltedAt() + " (" + s.getLastError()
                    + "): no block after " + s.getVerifiedNumber() + " is verified.");
        }
        List<IntegrityAlert> open = openAlerts(c.now());
        if (!open.isEmpty()) {
            notes.add(open.size() + " integrity alert(s) are open (seen in the last hour), first: "
                    + describe(open.get(0)) + ". Treat what this report states about the ledger with care.");
        }
        try {
            long nodeHead = c.node().headNumber();
            if (nodeHead > s.getVerifiedNumber()) {
                notes.add("The sync is " + (nodeHead - s.getVerifiedNumber()) + " block(s) behind the node "
                        + "(node head " + nodeHead + ", verified up to " + s.getVerifiedNumber() + "): this report "
                        + "covers the verified blocks only.");
            }
        } catch (LedgerUnavailableException e) {
            notes.add("The node's head could not be read (" + e.getMessage() + "): whether the sync is behind is "
                    + "unknown.");
        }
        return notes;
    }

    VerificationSummary summary(ReportContent.Context c, TranscriptBuilder.Built built) {
        SyncState s = c.state();
        List<String> validators = s.getValidators() == null || s.getValidators().isBlank()
                ? c.settings().validators() : Arrays.asList(s.getValidators().split(","));
        return new VerificationSummary(s.getCheckpointNumber(), s.getVerifiedNumber(), s.getCheckpointHash(),
                s.getVerifiedHash(), c.settings().consensus().name().toLowerCase(Locale.ROOT), validators,
                "verified by the portal's sync and re-verified for this report by ledger-verifier: "
                        + built.verdict());
    }

    List<ConsortiumIntegrityReport.ChainCheck> chainChecks(ReportContent.Context c, TranscriptBuilder.Built built) {
        String range = c.state().getCheckpointNumber() + ".." + c.state().getVerifiedNumber();
        boolean bft = c.settings().consensus().finalBlocks();
        List<ConsortiumIntegrityReport.ChainCheck> checks = new ArrayList<>();
        checks.add(new ConsortiumIntegrityReport.ChainCheck("hash chain from the pinned checkpoint", range, true,
                "every header hash recomputed (Keccak-256 of its RLP) and linked to its parent"));
        checks.add(new ConsortiumIntegrityReport.ChainCheck(bft ? "commit seals" : "finality", range, true, bft
                ? "a quorum of the replayed validator set sealed every block"
                : "development chain (" + c.settings().consensus() + "): hash chain only, no finality proof"));
        checks.add(new ConsortiumIntegrityReport.ChainCheck("transactions and receipts roots", range, true,
                "recomputed by the sync for every block; events stored only from proven receipts"));
        checks.add(new ConsortiumIntegrityReport.ChainCheck("embedded evidence", range, built.verdict().verified(),
                built.blocks() + " blocks taken from " + c.node().name() + " for this report, equal to the "
                        + "verified chain, re-verified: " + built.verdict()));
        return checks;
    }

    List<ConsortiumIntegrityReport.SplitViewCheck> splitView(ReportContent.Context c, List<LedgerNode> nodes) {
        long head = c.state().getVerifiedNumber();
        List<ConsortiumIntegrityReport.SplitViewCheck> checks = new ArrayList<>();
        for (LedgerNode node : nodes) {
            String reported;
            try {
                List<Map<String, Object>> headers = node.headers(head, 1);
                Object hash = headers.isEmpty() || headers.get(0) == null ? null : headers.get(0).get("hash");
                reported = hash == null ? "no such block" : String.valueOf(hash);
            } catch (LedgerUnavailableException e) {
                reported = "unreachable";
            }
            checks.add(new ConsortiumIntegrityReport.SplitViewCheck(head, node.name(), reported,
                    reported.equalsIgnoreCase(c.state().getVerifiedHash())));
        }
        return checks;
    }

    /** The blocks where the replayed validator set changed, from ledger-verifier's re-verification (BFT only). */
    List<ConsortiumIntegrityReport.ValidatorChange> validatorChanges(TranscriptBuilder.Built built) {
        org.custos.verify.consensus.ValidatorHistory history = built.verdict().validators();
        if (history == null) {
            return List.of();
        }
        return history.changes().stream().map(ch -> new ConsortiumIntegrityReport.ValidatorChange(ch.block(),
                "validator set from this block: " + ch.validators())).toList();
    }

    /** Every recorded alert: open when the sync raised it again within {@link #OPEN_WINDOW}, else past. */
    List<ConsortiumIntegrityReport.IntegrityAlert> alerts(Instant now) {
        List<ConsortiumIntegrityReport.IntegrityAlert> out = new ArrayList<>();
        for (IntegrityAlert a : index.alerts(0, 500)) {
            boolean open = !a.getLastSeen().isBefore(now.minus(OPEN_WINDOW));
            out.add(new ConsortiumIntegrityReport.IntegrityAlert(a.getCheck(), Severity.S1,
                    a.getFirstSeen().toString(), describe(a) + "; seen " + a.getOccurrences() + " time(s)", open,
                    open ? null : "last seen " + a.getLastSeen()));
        }
        return out;
    }

    private List<IntegrityAlert> openAlerts(Instant now) {
        return index.alerts(0, 500).stream().filter(a -> !a.getLastSeen().isBefore(now.minus(OPEN_WINDOW)))
                .toList();
    }

    private static String describe(IntegrityAlert a) {
        return a.getReason() + " at block " + a.getBlockNumber() + " (" + a.getCheck() + ", node "
                + a.getEndpoint() + ")";
    }
}
