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
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.export.DisclosuresQuery;
import org.custos.portal.compliance.export.ExportedDisclosure;
import org.custos.portal.compliance.export.ExportedFinding;
import org.custos.portal.compliance.export.FindingsQuery;
import org.custos.portal.compliance.domain.ReadinessVerdict;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.StoredBundle;
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
    ExportService exports;

    @Inject
    ComplianceService compliance;

    @Inject
    ReportCaveats caveats;

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
        TranscriptBuilder.Built built = c.transcripts().build(c.state().getVerifiedNumber(), cited, bodies,
                c.progress(), c.evidenceFile());
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
                clinicLabel(c, clinic), scope,
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
        return new DisclosureAccounting(header(c, "the data subject " + subject, caveats.ledger(c)), clinic,
                subject, requested, rows, ReportService.evidence(built.file()));
    }

    ErasureCertificate erasure(Context c, String clinic, String requestId)
            throws LedgerUnavailableException, TranscriptBuilder.EvidenceException, ReportRefusedException,
            IOException {
        List<ProvenEvent> events = ProvenEvents.load(index, clinic);
        ProvenEvent received = first(events, "RequestReceived", "requestId", requestId);
        if (received == null || received.intField("requestType") != 1) {
            throw new ReportRefusedException("no erasure request " + requestId + " of this clinic is on the "
                    + "verified ledger");
        }
        ProvenEvent extended = first(events, "RequestExtended", "requestId", requestId);
        ProvenEvent answered = first(events, "RequestAnswered", "requestId", requestId);
        Instant deadline = Deadlines.art12(received.time(), extended == null ? null : extended.time());
        String subject = received.field("subjectPseudonym");
        StoredBundle bundle = compliance.readiness(clinic).lastBundle();
        Set<String> badReceipts = ReportCaveats.receiptsNotVerified(bundle);
        List<ErasureCertificate.DestroyedKey> keys = new ArrayList<>();
        List<ErasureCertificate.KmsReceipt> receipts = new ArrayList<>();
        List<ErasureCertificate.Anchor> anchors = new ArrayList<>();
        List<ProvenEvent> proofs = new ArrayList<>(List.of(received));
        if (extended != null) {
            proofs.add(extended);
        }
        if (answered != null) {
            proofs.add(answered);
        }
        Instant completed = answered != null && answered.intField("outcome") == 0 ? answered.time() : null;
        boolean allDestroyed = true;
        for (ProvenEvent key : events) {
            if (!key.name().equals("KeyRegistered") || !subject.equals(key.fields().get("subjectPseudonym"))
                    || answered != null && key.time().isAfter(answered.time())) {
                continue;
            }
            proofs.add(key);
            ProvenEvent destroyed = first(events, "KeyDestroyed", "keyId", key.field("keyId"));
            if (destroyed == null) {
                allDestroyed = false;
                continue;
            }
            proofs.add(destroyed);
            keys.add(new ErasureCertificate.DestroyedKey(key.field("keyId"), destroyed.time().toString(),
                    destroyed.field("kmsDeletionReceiptHash")));
            boolean covered = bundle != null && bundle.getVerifiedBlock() >= destroyed.block()
                    && !badReceipts.contains(key.field("keyId"));
            receipts.add(new ErasureCertificate.KmsReceipt(bundle == null ? "no verified bundle"
                    : "bundle " + bundle.getSha256().substring(0, 16), key.field("keyId"),
                    "the clinic's registered KMS attestation key", covered));
            completed = completed == null || destroyed.time().isAfter(completed) ? destroyed.time() : completed;
        }
        List<VerifiedEvent> cited = new ArrayList<>();
        for (ProvenEvent p : proofs) {
            anchors.add(new ErasureCertificate.Anchor(p.block(), p.txHash(), p.name()));
            index.event(p.id(), null).ifPresent(cited::add);
        }
        TranscriptBuilder.Built built = c.transcripts().build(c.state().getVerifiedNumber(), cited, Set.of(),
                c.progress(), c.evidenceFile());
        LocalDate done = answered == null || !allDestroyed ? null : date(completed);
        LocalDate receivedDay = date(received.time());
        return new ErasureCertificate(header(c, "the data-protection officer", caveats.ledger(c)), clinic,
                requestId, subject, receivedDay, date(deadline), done != null && done.isBefore(receivedDay)
                ? receivedDay : done, keys, receipts, anchors, ReportService.evidence(built.file()));
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
    static String clinicLabel(Context c, String clinic) {
        return c.settings().clinics().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(clinic))
                .map(e -> e.getKey() + " (" + clinic + ")").findFirst().orElse(clinic);
    }

    static LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
