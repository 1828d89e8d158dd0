package org.custos.portal.reports.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import org.custos.portal.reports.domain.EvidenceBlocks;
import org.custos.portal.reports.domain.ReportRegister;
import org.custos.portal.reports.domain.VerifiedChain;
import org.custos.portal.reports.infrastructure.ReportTrustAnchor;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailChainVerifier;
import org.custos.portal.trail.domain.TrailRepository;
import org.custos.reports.verify.SignedReportVerifier;

/**
 * The verify page's service ({@code /reports/verify.xhtml}, every portal role): checks an uploaded report with
 * {@link ReportChecker} against the portal's trust anchor, verified ledger, register and trail, and records that
 * the check was made, with its verdicts, in the trail (the upload itself is never stored). At most
 * {@link #CONCURRENT} checks run at once: each holds a report of up to the upload limit in memory.
 */
@Stateless
public class ReportCheckService {

    /** Checks running at once; a further one is refused as {@code BUSY} (try again). */
    public static final int CONCURRENT = 2;
    /** Blocks one evidence file may cite (a consortium report over 100,000 blocks cites 100,001). */
    public static final int MAX_EVIDENCE_BLOCKS = 2_000_000;

    private static final Semaphore SLOTS = new Semaphore(CONCURRENT);

    @Inject
    ReportTrustAnchor trustAnchor;

    @Inject
    VerifiedChain chain;

    @Inject
    ReportRegister register;

    @Inject
    TrailRepository trailRepository;

    @Inject
    TrailService trail;

    @Inject
    ClinicScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public ReportCheck check(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return ReportCheck.refused(ReportCheck.Refusal.EMPTY_FILE, "the file has 0 bytes: nothing to verify");
        }
        ReportTrustAnchor.Anchor anchor;
        try {
            anchor = trustAnchor.load();
        } catch (ReportTrustAnchor.Unavailable e) {
            return ReportCheck.refused(ReportCheck.Refusal.NO_TRUST_ANCHOR, "this portal cannot check signatures: "
                    + e.getMessage());
        }
        if (!SLOTS.tryAcquire()) {
            return ReportCheck.refused(ReportCheck.Refusal.BUSY, CONCURRENT + " reports are being verified right "
                    + "now; try again in a moment");
        }
        try {
            SignedReportVerifier verifier = new SignedReportVerifier(anchor.certificates(), clock);
            ReportChecker checker = new ReportChecker(verifier::verify,
                    new EvidenceBlocks(pdf.length, MAX_EVIDENCE_BLOCKS), chain, register,
                    r -> RegisterService.visible(scope, r),
                    (seq, head) -> TrailChainVerifier.verifyUpTo(trailRepository, seq, head));
            ReportCheck result = checker.check(pdf).withTrustAnchor(anchor.subjects());
            trail.record(me(), TrailAction.REPORT_VERIFIED, "report upload", result.uploadSha256(),
                    result.trailDetail());
            return result;
        } finally {
            SLOTS.release();
        }
    }

    private SignedInUser me() {
        String clinic = currentUser.isRegulator() ? null : currentUser.getClinicId();
        return new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()), clinic);
    }
}
