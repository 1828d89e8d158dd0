package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.AccessLogTable;
import org.custos.portal.evidence.domain.BundleVerification.Review;
import org.custos.portal.evidence.domain.BundleVerifier;


/**
 * HIPAA-REV-01: each anchored break-glass access needs a review (docType 4, anchored, bundled with a matching
 * hash) naming the entry with its exact SHA-256, anchored within 7 days of the access's recorded time.
 */
public final class BreakGlassReview extends CatalogueRule {

    public static final int DAYS = 7;

    public BreakGlassReview() {
        super("HIPAA-REV-01", 1, "45 CFR 164.308(a)(1)(ii)(D)", Severity.S2, Scope.HIPAA, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        AccessLogTable log = f.bundle().accessLog();
        for (int i = 0; i < f.verification().coveredEntries(); i++) {
            if (!log.breakGlass(i)) {
                continue;
            }
            Instant recorded = Chain.epoch(log.recorded(i));
            Instant deadline = Deadlines.plusDays(recorded, DAYS);
            String path = log.get(i).path();
            String sha = org.custos.verify.Hex.encodePrefixed(f.bundle().leaves().entrySha256(i));
            Review found = null;
            for (Review r : f.verification().reviews()) {
                if (sha.equals(r.entrySha256ByPath().get(path)) && !r.anchor().time().isAfter(deadline)) {
                    found = r;
                    break;
                }
            }
            if (found != null || !f.asOf().isAfter(deadline)) {
                continue;
            }
            List<EvidenceRef> ev = new ArrayList<>(List.of(f.entryEvidence(i)));
            f.coveringCheckpoint(i).ifPresent(c -> ev.add(EvidenceRef.event("checkpoint", c)));
            out.add(finding(f, "entry:" + path, "Break-glass access without a review within " + DAYS + " days",
                    CryptoShreddingEvidence.entryObjects(log.get(i)), ev, deadline, null));
        }
    }

    static int reviewType() {
        return BundleVerifier.DOC_REVIEW;
    }
}
