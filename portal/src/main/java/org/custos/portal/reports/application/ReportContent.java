package org.custos.portal.reports.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.custos.portal.compliance.application.ComplianceService;
import org.custos.portal.compliance.application.ExportService;
import org.custos.portal.compliance.application.ProvenEvents;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.export.DisclosuresQuery;
import org.custos.portal.compliance.export.ExportedDisclosure;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.export.ExportedFinding;
import org.custos.portal.compliance.export.FindingsQuery;
import org.custos.portal.compliance.domain.ReadinessVerdict;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.StoredBundle;
import org.custos.portal.ledger.application.ClinicNames;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.trail.domain.TrailRepository.TrailHead;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.DisclosureAccounting;
import org.custos.reports.model.ErasureCertificate;
import org.custos.reports.model.Finding;
import org.custos.reports.model.ReportHeader;
import org.custos.portal.dpo.application.ReceiptStatuses;
import org.custos.portal.dpo.application.RequestCase;
import org.custos.portal.dpo.application.RequestCaseService;
import org.custos.reports.model.Severity;

/**
 * The content of each report type, from the verified index and the compliance services (which apply the caller's
 * clinic scope themselves), with the evidence transcript of every event the report cites.
 */
@Dependent
public class ReportContent {

    /** Events a report cites at most in its evidence (beyond: said on the first page). */
    static final int MAX_CITED_EVENTS = 5_000;

    /** What every report of one issue shares. */
    record Context(String reportId, String issuer, Instant now, LedgerSettings settings, SyncState state,
                   LedgerNode node, TrailHead trailHead, String requestedBy, String role,
                   TranscriptBuilder transcripts, ReportProgress progress, java.nio.file.Path evidenceFile) {
    }

    @Inject
    LedgerIndex index;

    @Inject
    ClinicNames clinicNames;

    @Inject
    ExportService exports;

    @Inject
    ComplianceService compliance;

    @Inject
    ReportCaveats caveats;

    @Inject
    RequestCaseService cases;

    @Inject
    ReceiptStatuses receiptStatuses;

    ConsortiumIntegrityReport consortium(Context c, List<LedgerNode> nodes)
            throws LedgerUnavailableException, TranscriptBuilder.EvidenceException, IOException {
        TranscriptBuilder.Built built = c.transcripts().build(c.state().getVerifiedNumber(), List.of(), Set.of(),
                c.progress(), c.evidenceFile());
        List<String> notes = caveats.ledger(c);
        return new ConsortiumIntegrityReport(header(c, "the regulator", notes), "consortium ledger",
                caveats.summary(c, built), caveats.chainChecks(c, built), caveats.splitView(c, nodes),
                caveats.alerts(c.now()), ReportService.evidence(built.file()), caveats.validatorChanges(built));
    }

    ClinicAuditReport clinicAudit(Context c, String clinic, boolean preInspection)
            throws LedgerUnavailableException, TranscriptBuilder.EvidenceException, IOException {
        List<ExportedFinding> exported = new ArrayList<>();
        try {
            exports.findings(new FindingsQuery(null, null, null, clinic, true), f -> {
                if (exported.size() < MAX_CITED_EVENTS) {
                    exported.add(f);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<VerifiedEvent> cited = new ArrayList<>();
        Set<Long> bodies = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ExportedFinding f : exported) {
            for (ExportedFinding.Proof p : f.proofs()) {
                if (p.ref().block() == null || cited.size() >= MAX_CITED_EVENTS) {
                    continue;
                }
                if (p.ref().logIndex() == null) {
                    bodies.add(p.ref().block());
                } else if (seen.add(p.ref().block() + ":" + p.ref().logIndex())) {
                    index.eventsInBlock(p.ref().block(), null).stream()
                            .filter(e -> e.getLogIndex() == p.ref().logIndex()).findFirst().ifPresent(cited::add);
                }
            }
        }
        List<EvidenceRef> entries = new ArrayList<>();
        for (ExportedFinding f : exported) {
            for (ExportedFinding.Proof p : f.proofs()) {
                entries.add(p.ref());
            }
        }
        List<TranscriptBuilder.Inclusion> inclusions = EntryProofs.of(entries, ProvenEvents.load(index, clinic),
                index);
        TranscriptBuilder.Built built = c.transcripts().build(c.state().getVerifiedNumber(), cited, bodies,
                List.of(), inclusions, c.progress(), c.evidenceFile());
        ComplianceService.Readiness readiness = compliance.readiness(clinic);
        StoredBundle bundle = readiness.lastBundle();
        List<String> notes = new ArrayList<>(caveats.ledger(c));
        List<String> notRun = bundle != null ? List.of() : RulesEngine.standard().rules().stream()
                .filter(Rule::needsBundle).map(Rule::id).toList();
        if (bundle == null) {
            notes.add("No evidence bundle of this clinic has been verified: the rules that need one did not run ("
                    + String.join(", ", notRun) + ").");
        }
        if (exported.size() >= MAX_CITED_EVENTS) {
            notes.add("Only the first " + MAX_CITED_EVENTS + " findings are listed and cited in the evidence.");
        }
        List<Finding> findings = exported.stream().map(ReportContent::finding).toList();
        LocalDate start = date(index.block(c.settings().checkpoint().number())
                .map(b -> b.getBlockTime()).orElse(c.now()));
        LocalDate end = date(index.block(c.state().getVerifiedNumber()).map(b -> b.getBlockTime()).orElse(c.now()));
        String verdict = ReadinessVerdict.of(readiness.openBySeverity(), bundle != null).getText();
        String scope = "The clinic's current findings, the checks of its last verified evidence bundle and the "
                + "ledger verification behind them (blocks " + c.state().getCheckpointNumber() + " to "
                + c.state().getVerifiedNumber() + ").";
        return new ClinicAuditReport(header(c, preInspection ? "the clinic" : "the regulator", notes),
                clinicLabel(clinic), scope,
                start, end.isBefore(start) ? start : end, caveats.summary(c, built), findings,
                ReportService.evidence(built.file()), preInspection, preInspection ? verdict : null,
                bundleChecks(bundle), notRun);
    }

    /** The checks of the clinic's last verified bundle, as the upload page showed them (counts per kind). */
    private static List<ClinicAuditReport.BundleCheck> bundleChecks(StoredBundle bundle) {
        if (bundle == null) {
            return List.of();
        }
        return List.of(
                new ClinicAuditReport.BundleCheck("bundle", true, "SHA-256 " + bundle.getSha256() + ", uploaded "
                        + bundle.getUploadedAt() + " by " + bundle.getUploadedBy() + ", verified at block "
                        + bundle.getVerifiedBlock() + ", " + bundle.getEntries() + " access-log entries"),
                new ClinicAuditReport.BundleCheck("signed tree heads match the anchored checkpoints",
                        bundle.getCheckpointsOk() == bundle.getCheckpoints(),
                        bundle.getCheckpointsOk() + " of " + bundle.getCheckpoints()),
                new ClinicAuditReport.BundleCheck("KMS deletion receipts verified", bundle.getReceiptsOk()
                        == bundle.getReceipts(), bundle.getReceiptsOk() + " of " + bundle.getReceipts()),
                new ClinicAuditReport.BundleCheck("anchored documents found", bundle.getDocumentsOk()
                        == bundle.getDocuments(), bundle.getDocumentsOk() + " of " + bundle.getDocuments()));
    }

    DisclosureAccounting disclosures(Context c, String clinic, String subject)
            throws LedgerUnavailableException, TranscriptBuilder.EvidenceException, IOException {
        LocalDate requested = date(c.now());
        LocalDate from = requested.minusYears(6);
        List<ExportedDisclosure> found = new ArrayList<>();
        try {
            exports.disclosures(new DisclosuresQuery(subject, clinic), found::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<DisclosureAccounting.Disclosure> rows = new ArrayList<>();
        List<VerifiedEvent> cited = new ArrayList<>();
        for (ExportedDisclosure d : found) {
            LocalDate day = date(d.time());
            if (day.isBefore(from) || day.isAfter(requested) || cited.size() >= MAX_CITED_EVENTS) {
                continue;
            }
            rows.add(new DisclosureAccounting.Disclosure(day, d.recipientId(), "",
                    "data category " + d.dataCategory() + "; proven by block " + d.block() + ", transaction "
                            + d.txHash() + ", log " + d.logIndex(), "purpose " + d.purposeId()));
            index.event(d.eventId(), null).ifPresent(cited::add);
        }
        TranscriptBuilder.Built built = c.transcripts().build(c.state().getVerifiedNumber(), cited, Set.of(),
                c.progress(), c.evidenceFile());
        return new DisclosureAccounting(header(c, "the data subject " + subject, caveats.ledger(c)), clinicLabel(clinic),
                subject, requested, rows, ReportService.evidence(built.file()));
    }

    /**
     * The erasure certificate of one request: the request's case as the DPO's request page shows it
     * ({@link RequestCaseService}: the same verdict, keys and receipt statuses), its events cited, and every KMS
     * deletion receipt kept for the request embedded in the evidence ({@code custos-evidence/2} {@code kmsReceipts},
     * re-verified against the anchored hash and the registered attestation key before signing). "Erasure-equivalent"
     * only when the verdict is; otherwise the verdict's reasons are printed.
     */
    ErasureCertificate erasure(Context c, String clinic, String requestId)
            throws LedgerUnavailableException, TranscriptBuilder.EvidenceException, ReportRefusedException,
            IOException {
        RequestCaseService.Loaded loaded = cases.withEvents(requestId, clinic)
                .filter(l -> l.request().erasure()).orElseThrow(() -> new ReportRefusedException(
                        "no erasure request " + requestId + " of this clinic is on the verified ledger"));
        RequestCase rc = loaded.request();
        List<ProvenEvent> events = loaded.clinicEvents();
        List<ErasureCertificate.DestroyedKey> keys = new ArrayList<>();
        List<ErasureCertificate.KmsReceipt> receipts = new ArrayList<>();
        List<ErasureCertificate.Anchor> anchors = new ArrayList<>();
        List<ProvenEvent> proofs = new ArrayList<>();
        for (RequestCase.Step step : rc.timeline()) {
            if (step.proof() != null && !proofs.contains(step.proof())) {
                proofs.add(step.proof());
            }
        }
        Instant completed = rc.answered() != null && "FULFILLED".equals(rc.outcome()) ? rc.answered() : null;
        boolean allDestroyed = !rc.keys().isEmpty();
        for (RequestCase.KeyRow k : rc.keys()) {
            if (k.destroyed() == null) {
                allDestroyed = false;
                continue;
            }
            keys.add(new ErasureCertificate.DestroyedKey(k.keyId(), k.destroyed().time().toString(),
                    k.destroyed().field("kmsDeletionReceiptHash")));
            receipts.add(new ErasureCertificate.KmsReceipt(k.receiptStatus(), k.keyId(),
                    "the clinic's registered KMS attestation key", k.receiptVerified()));
            completed = completed == null || k.destroyed().time().isAfter(completed) ? k.destroyed().time()
                    : completed;
        }
        List<TranscriptBuilder.Receipt> embedded = new ArrayList<>();
        for (ReceiptStatuses.Kept kept : receiptStatuses.kept(rc.clinicId(), rc.requestId())) {
            RequestCase.KeyRow key = rc.keys().stream().filter(k -> k.keyId().equals(kept.keyId())
                    && k.destroyed() != null).findFirst().orElse(null);
            ProvenEvent registration = key == null ? null : registrationBefore(events, key.destroyed());
            if (registration == null) {
                continue;
            }
            VerifiedEvent destroyed = index.event(key.destroyed().id(), null).orElse(null);
            VerifiedEvent registered = index.event(registration.id(), null).orElse(null);
            if (destroyed != null && registered != null) {
                embedded.add(new TranscriptBuilder.Receipt(kept.receipt(), kept.signature(), destroyed, registered));
            }
        }
        List<VerifiedEvent> cited = new ArrayList<>();
        for (ProvenEvent p : proofs) {
            anchors.add(new ErasureCertificate.Anchor(p.block(), p.txHash(), p.name()));
            index.event(p.id(), null).ifPresent(cited::add);
        }
        // the reads after a destruction that the related findings cite: their inclusion proofs under anchored roots
        List<EvidenceRef> entries = new ArrayList<>();
        for (org.custos.portal.compliance.domain.StoredFinding f : rc.findings()) {
            entries.addAll(storedEvidence(f));
        }
        TranscriptBuilder.Built built = c.transcripts().build(c.state().getVerifiedNumber(), cited, Set.of(),
                embedded, EntryProofs.of(entries, events, index), c.progress(), c.evidenceFile());
        LocalDate done = rc.answered() == null || !allDestroyed ? null : date(completed);
        LocalDate receivedDay = date(rc.received());
        List<String> reasons = rc.verdict().certified() ? List.of() : rc.verdict().reasons().isEmpty()
                ? List.of(rc.verdict().outcome().words()) : rc.verdict().reasons();
        return new ErasureCertificate(header(c, "the data-protection officer", caveats.ledger(c)), clinicLabel(rc.clinicId()),
                rc.requestId(), rc.subject(), receivedDay, date(rc.deadline()), done != null
                && done.isBefore(receivedDay) ? receivedDay : done, keys, receipts, anchors, reasons,
                ReportService.evidence(built.file()));
    }

    /** A stored finding's evidence references (its JSON was written by the rules' evaluation). */
    private static List<EvidenceRef> storedEvidence(org.custos.portal.compliance.domain.StoredFinding f) {
        try {
            return List.of(EVIDENCE_JSON.readValue(f.getEvidenceJson(), EvidenceRef[].class));
        } catch (IOException e) {
            throw new IllegalStateException("finding " + f.getKey() + " has malformed stored evidence", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper EVIDENCE_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The clinic's last ClinicAdmitted/ClinicUpdated before {@code destroyed} (chain order), or null. */
    private static ProvenEvent registrationBefore(List<ProvenEvent> events, ProvenEvent destroyed) {
        ProvenEvent last = null;
        for (ProvenEvent e : events) {
            if (e.id() >= destroyed.id()) {
                break;
            }
            if (e.name().equals("ClinicAdmitted") || e.name().equals("ClinicUpdated")) {
                last = e;
            }
        }
        return last;
    }

    private static ProvenEvent first(List<ProvenEvent> events, String name, String field, String value) {
        return events.stream().filter(e -> e.name().equals(name) && value.equals(e.fields().get(field)))
                .findFirst().orElse(null);
    }

    private static Finding finding(ExportedFinding f) {
        StringBuilder proofs = new StringBuilder();
        for (ExportedFinding.Proof p : f.proofs()) {
            if (p.isEvent()) {
                proofs.append(proofs.isEmpty() ? "" : "; ").append(p.ref().role()).append(": block ")
                        .append(p.ref().block()).append(p.ref().logIndex() == null ? "" : " log " + p.ref().logIndex());
            } else if (p.ref().path() != null) {
                proofs.append(proofs.isEmpty() ? "" : "; ").append(p.ref().role()).append(": bundle entry ")
                        .append(p.ref().path());
            }
        }
        return new Finding(f.ruleId(), f.legalSource(), Severity.valueOf(f.severity().name()),
                f.status().name().toLowerCase(Locale.ROOT), f.summary(), f.statusReason(), f.statusChangedBy(),
                proofs.isEmpty() ? null : proofs.toString());
    }

    private static ReportHeader header(Context c, String audience, List<String> notes) {
        return ReportHeaders.of(c, audience, notes);
    }

    /** A clinic as people know it: the portal's name for it (if configured) and its on-chain id. */
    /** A clinic as a report names it: its name and its id ({@link ClinicNames#nameWithId}), the id alone if unnamed. */
    private String clinicLabel(String clinic) {
        return clinicNames.nameWithId(clinic);
    }

    static LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
