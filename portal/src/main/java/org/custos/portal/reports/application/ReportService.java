package org.custos.portal.reports.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.custos.portal.ledger.infrastructure.LedgerNodes;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.reports.infrastructure.ReportSigning;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailRepository.TrailHead;
import org.custos.reports.model.Evidence;
import org.custos.reports.model.Report;
import org.custos.reports.render.ReportRenderer;

/**
 * Issues signed reports: checks who may ask for which report and clinic (one rule, {@link ClinicScope}), gathers
 * the report's content from the verified index, takes its evidence from a node and re-verifies it against the
 * portal's verified chain ({@link TranscriptBuilder}), renders PDF/A-3b, signs (PAdES), keeps the PDF in the
 * register and writes the issue to the trail, all in one transaction: a report is either issued and recorded, or
 * nothing is stored. Called from {@link ReportJobs} on the managed executor, never on a request thread.
 */
@Stateless
public class ReportService {

    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-f]{64}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What was asked: the kind, the clinic (on-chain id; regulators choose it) and the subject if any. */
    public record Request(ReportKind kind, String clinicId, String subject) {
    }

    @Inject
    ClinicScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    LedgerIndex index;

    @Inject
    LedgerConfiguration ledgerConfiguration;

    @Inject
    LedgerNodes nodes;

    @Inject
    ReportSigning signing;

    @Inject
    TrailService trail;

    @Inject
    Clock clock;

    @EJB
    RegisterService register;

    @Inject
    ReportContent content;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    /** The kinds the caller may issue, in menu order. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<ReportKind> kindsForCaller() {
        if (currentUser.isRegulator()) {
            return List.of(ReportKind.CONSORTIUM_INTEGRITY, ReportKind.CLINIC_AUDIT,
                    ReportKind.DISCLOSURE_ACCOUNTING, ReportKind.ERASURE_CERTIFICATE);
        }
        if (currentUser.isComplianceOfficer()) {
            return List.of(ReportKind.PRE_INSPECTION, ReportKind.DISCLOSURE_ACCOUNTING,
                    ReportKind.ERASURE_CERTIFICATE);
        }
        return List.of(ReportKind.DISCLOSURE_ACCOUNTING, ReportKind.ERASURE_CERTIFICATE);
    }

    /** Issues the report or refuses with a reason; on refusal or failure nothing is stored. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public IssuedReport issue(Request request, ReportProgress progress) throws ReportRefusedException {
        ReportKind kind = request.kind();
        if (kind == null || !kindsForCaller().contains(kind)) {
            throw new ReportRefusedException("your role may not issue this report");
        }
        String clinic = clinicFor(kind, request.clinicId());
        String subject = subjectFor(kind, request.subject());
        LedgerSettings settings = ledgerConfiguration.settings();
        SyncState state = index.state().filter(s -> settings.syncEnabled())
                .orElseThrow(() -> new ReportRefusedException("the ledger has not been verified yet: no report "
                        + "can be issued before the sync has verified blocks"));
        ReportSigning.Signer signer;
        try {
            signer = signing.signer(clock);
        } catch (ReportSigning.NotConfiguredException e) {
            throw new ReportRefusedException(e.getMessage());
        }
        LedgerNode node = nodes.nodes().get(0);
        TrailHead head = trail.head();
        Instant now = clock.instant();
        String id = "CUSTOS-" + DAY.format(now) + "-" + HexFormat.of().formatHex(randomBytes());
        Path work;
        try {
            work = Files.createTempDirectory("custos-report-");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the report's evidence", e);
        }
        try {
            return issueWith(kind, clinic, subject, signer, new ReportContent.Context(id, signing.issuer(), now,
                    settings, state, node, head, currentUser.getName(), role(),
                    new TranscriptBuilder(node, settings, verifiedHashes(state)), progress, work.resolve(
                    "evidence.json")));
        } finally {
            deleteQuietly(work);
        }
    }

    private IssuedReport issueWith(ReportKind kind, String clinic, String subject, ReportSigning.Signer signer,
                                    ReportContent.Context context)
            throws ReportRefusedException {
        String id = context.reportId();
        Instant now = context.now();
        TrailHead head = context.trailHead();
        Report report;
        try {
            report = switch (kind) {
                case CONSORTIUM_INTEGRITY -> content.consortium(context, nodes.nodes());
                case CLINIC_AUDIT -> content.clinicAudit(context, clinic, false);
                case PRE_INSPECTION -> content.clinicAudit(context, clinic, true);
                case DISCLOSURE_ACCOUNTING -> content.disclosures(context, clinic, subject);
                case ERASURE_CERTIFICATE -> content.erasure(context, clinic, subject);
            };
        } catch (LedgerUnavailableException e) {
            throw new ReportRefusedException("the ledger node could not be asked for the evidence: "
                    + e.getMessage());
        } catch (TranscriptBuilder.EvidenceException e) {
            throw new ReportRefusedException("the evidence could not be taken: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("the report's evidence could not be written", e);
        }
        // rendered and signed file to file (PDFBox scratch files), hashed and stored from the file: neither the
        // evidence nor the signed PDF is ever held whole in the heap
        Path signed = context.evidenceFile().resolveSibling("signed.pdf");
        String pdfSha256;
        long size;
        try {
            Path rendered = context.evidenceFile().resolveSibling("report.pdf");
            new ReportRenderer(Clock.fixed(now, ZoneOffset.UTC)).render(report, rendered);
            signer.signer().sign(rendered, signed, "Custos " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " report", signing.issuer());
            Files.delete(rendered);
            pdfSha256 = RegisterService.sha256(signed);
            size = Files.size(signed);
        } catch (IOException e) {
            throw new ReportRefusedException("the report could not be signed: " + e.getMessage());
        }
        IssuedReport issued = new IssuedReport(id, kind, clinic, subject, currentUser.getName(), role(), now,
                pdfSha256, report.evidence().sha256Hex(), size, signer.level(), head.lastSeq(),
                ReportHeaders.trailHead(head.lastHash()));
        try {
            register.recordFile(issued, signed);
        } catch (IOException e) {
            throw new IllegalStateException("the signed report could not be stored", e);
        }
        trail.record(new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                scope.allClinics() ? null : scope.tokenClinic()), TrailAction.REPORT_ISSUED, "report", id, kind
                + (clinic == null ? "" : "; clinic " + clinic) + (subject == null ? "" : "; subject " + subject)
                + "; pdf sha256 " + pdfSha256 + "; trail head " + head.lastSeq() + " "
                + head.lastHash());
        return issued;
    }

    /** The clinic a report is about: none for the consortium, the regulator's choice, else the caller's own. */
    private String clinicFor(ReportKind kind, String requested) throws ReportRefusedException {
        if (kind == ReportKind.CONSORTIUM_INTEGRITY) {
            return null;
        }
        String clinic = scope.restrict(requested);
        if (clinic == null) {
            throw new ReportRefusedException("choose a clinic");
        }
        if (ClinicScope.NO_CLINIC.equals(clinic)) {
            throw new ReportRefusedException("your clinic is not mapped to an on-chain clinic id, so no report "
                    + "can be issued for it");
        }
        if (!ClinicScope.wellFormed(clinic) || !scope.mayAccess(clinic)) {
            throw new ReportRefusedException("no such clinic in your scope");
        }
        return clinic;
    }

    private static String subjectFor(ReportKind kind, String requested) throws ReportRefusedException {
        if (kind != ReportKind.DISCLOSURE_ACCOUNTING && kind != ReportKind.ERASURE_CERTIFICATE) {
            return null;
        }
        String subject = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
        if (!BYTES32.matcher(subject).matches()) {
            throw new ReportRefusedException(kind == ReportKind.DISCLOSURE_ACCOUNTING
                    ? "the data subject's pseudonym must be 0x and 64 hex digits, as on chain"
                    : "the erasure request id must be 0x and 64 hex digits, as on chain");
        }
        return subject;
    }

    private String role() {
        return currentUser.isRegulator() ? Roles.REGULATOR : currentUser.isComplianceOfficer()
                ? Roles.COMPLIANCE_OFFICER : Roles.DPO;
    }

    /** The verified hashes of the range, read in one query (a report over many blocks asks once, not per block). */
    private java.util.function.LongFunction<String> verifiedHashes(SyncState state) {
        Map<Long, String> hashes = new HashMap<>();
        // the checkpoint is pinned, not stored as a verified block
        hashes.put(state.getCheckpointNumber(), state.getCheckpointHash());
        em.createQuery("select b.number, b.hash from VerifiedBlock b where b.number between :a and :b",
                        Object[].class)
                .setParameter("a", state.getCheckpointNumber()).setParameter("b", state.getVerifiedNumber())
                .getResultStream().forEach(row -> hashes.put((Long) row[0], (String) row[1]));
        return hashes::get;
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(ReportService.class.getName()).warning(
                    "could not delete the report's work directory " + dir + ": " + e.getMessage());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The transcript file as the evidence embedded in the report. */
    static Evidence evidence(Path transcript) throws IOException {
        return Evidence.ofFile(transcript);
    }

    /** For the caller's list of kinds: which ones need a clinic and a subject. */
    public static Set<ReportKind> withSubject() {
        return Set.of(ReportKind.DISCLOSURE_ACCOUNTING, ReportKind.ERASURE_CERTIFICATE);
    }
}
