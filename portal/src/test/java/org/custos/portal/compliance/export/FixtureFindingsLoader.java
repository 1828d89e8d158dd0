package org.custos.portal.compliance.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custos.portal.compliance.application.ProvenEvents;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.VerifiedBlock;

/**
 * Test fixture of {@code ComplianceExportIT}, deployed only with it: stores the findings of one clinic as an
 * upload would (proven events of the synced index, the clinic's fixture bundle read and verified, every rule as
 * of the verified head, merged into the real store), without a signed-in user. Setup only: what is tested is
 * the export of what it stored.
 */
@Stateless
public class FixtureFindingsLoader {

    @Inject
    LedgerIndex ledger;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    /**
     * How many clinics have been evaluated (a row in compliance_evaluation), by an upload or in the background; the
     * consortium scope of the ledger-wide personal-data scan ({@link ClinicFacts#CONSORTIUM}) is not a clinic.
     */
    public long evaluatedClinics() {
        return em.createQuery("select count(m) from EvaluationMark m where m.clinicId <> :consortium", Long.class)
                .setParameter("consortium", ClinicFacts.CONSORTIUM).getSingleResult();
    }

    /** Whether the consortium scope (personal data no clinic's writer sent) has been evaluated. */
    public boolean consortiumScopeEvaluated() {
        return em.createQuery("select count(m) from EvaluationMark m where m.clinicId = :consortium", Long.class)
                .setParameter("consortium", ClinicFacts.CONSORTIUM).getSingleResult() == 1;
    }

    /** The current findings stored for {@code clinicId}. */
    public long currentFindings(String clinicId) {
        return em.createQuery("select count(f) from StoredFinding f where f.clinicId = :c and f.current = true",
                Long.class).setParameter("c", clinicId).getSingleResult();
    }

    /** Stores the clinic's findings; returns how many. */
    public int load(String clinicId, Path bundle) throws IOException {
        long head = ledger.state().orElseThrow().getVerifiedNumber();
        Instant asOf = ledger.block(head).map(VerifiedBlock::getBlockTime).orElseThrow();
        List<ProvenEvent> events = ProvenEvents.load(ledger, clinicId);
        try (InputStream in = Files.newInputStream(bundle);
             EvidenceBundle b = new BundleReader(BundleLimits.defaults()).read(in, clinicId, BundleProgress.NONE)) {
            BundleVerification v = new BundleVerifier().verify(b, events);
            List<Finding> findings = RulesEngine.standard().evaluate(new ClinicFacts(clinicId, events, b, v, asOf));
            FindingMerger.merge(new JpaFindingRepository(em), clinicId, findings, s -> true,
                    "block:" + head + "|bundle:" + b.sha256(), Instant.now());
            return findings.size();
        }
    }
}
