package org.custos.portal.reports.application;

import java.util.Optional;
import java.util.function.Predicate;
import org.custos.portal.reports.application.ReportCheck.Issued;
import org.custos.portal.reports.application.ReportCheck.Provenance;
import org.custos.portal.reports.domain.EvidenceBlocks;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.LedgerMatch;
import org.custos.portal.reports.domain.ReportRegister;
import org.custos.portal.reports.domain.VerifiedChain;
import org.custos.portal.trail.domain.TrailVerification;
import org.custos.reports.verify.ReportVerificationResult;

/**
 * The verify page's checks on one uploaded file, in order: the signature (and the evidence hash it covers); the
 * embedded evidence against the verified ledger, only once the signature verified (a refused file's evidence is
 * not read); the register, by the file's SHA-256, whatever the signature's verdict; and, for a report found
 * there, the portal's trail recomputed up to the head the report printed. Every collaborator is an interface, so
 * the logic is tested with small fakes; {@link ReportCheckService} wires the real ones.
 */
public final class ReportChecker {

    /** Checks a signed report ({@code SignedReportVerifier} against the portal's trust anchor). */
    public interface Signatures {
        ReportVerificationResult verify(byte[] pdf);
    }

    /** Recomputes the trail up to entry {@code seq} and compares it with the head a report printed. */
    public interface TrailUpTo {
        TrailVerification verify(long seq, String head);
    }

    private final Signatures signatures;
    private final EvidenceBlocks evidence;
    private final VerifiedChain chain;
    private final ReportRegister register;
    private final Predicate<IssuedReport> visible;
    private final TrailUpTo trail;

    public ReportChecker(Signatures signatures, EvidenceBlocks evidence, VerifiedChain chain, ReportRegister register,
                         Predicate<IssuedReport> visible, TrailUpTo trail) {
        this.signatures = signatures;
        this.evidence = evidence;
        this.chain = chain;
        this.register = register;
        this.visible = visible;
        this.trail = trail;
    }

    public ReportCheck check(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return ReportCheck.refused(ReportCheck.Refusal.EMPTY_FILE, "the file has 0 bytes");
        }
        String sha256 = RegisterService.sha256(pdf);
        ReportVerificationResult signature = signatures.verify(pdf);
        String evidenceProblem = null;
        LedgerMatch ledger = null;
        if (signature.verified()) {
            try {
                ledger = LedgerMatch.check(evidence.read(signature.evidence()).blocks(), chain);
            } catch (EvidenceBlocks.Malformed e) {
                evidenceProblem = e.getMessage();
            }
        }
        return new ReportCheck(null, null, sha256, pdf.length, signature, null, evidenceProblem, ledger,
                provenance(sha256));
    }

    private Provenance provenance(String sha256) {
        Optional<IssuedReport> row = register.findByPdfSha256(sha256);
        if (row.isEmpty()) {
            return new Provenance(Issued.NOT_IN_REGISTER, null, null);
        }
        IssuedReport r = row.get();
        TrailVerification anchored = trail.verify(r.getTrailSeq(), r.getTrailHead());
        return visible.test(r) ? new Provenance(Issued.IN_REGISTER, r, anchored)
                : new Provenance(Issued.IN_REGISTER_OUT_OF_SCOPE, null, anchored);
    }
}
