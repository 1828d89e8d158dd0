package org.custos.portal.evidence.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.application.ProvenEvents;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvaluationMark;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.compliance.infrastructure.JpaFindingRepository;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleRejectedException;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.StoredBundle;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.system.Words;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * Evidence-bundle uploads for the pages: a compliance officer uploads their own clinic's bundle, a regulator any
 * clinic's. The upload streams from {@code in} (limits of {@link BundleLimits#defaults()}, progress reported as it
 * reads), is verified against the clinic's proven events, the rules run over it, and the bundle record, the merged
 * findings and a trail entry are stored in one transaction. A refused upload throws
 * {@link BundleRejectedException} with its reason and stores nothing.
 */
@Stateless
public class EvidenceService {

    /**
     * The outcome shown on the upload page. {@code verifiedBefore}: the same bundle (same SHA-256) was verified
     * before; {@code bundle} is then its first record (who, when), which stays the one row of that bundle under
     * "Past verifications", while this verification is a new trail entry that says so (docs/pages.md).
     * {@code checkedBlock}: the verified block this verification checked against.
     */
    public record UploadResult(StoredBundle bundle, BundleVerification verification, int findings,
                               FindingMerger.Result merge, boolean verifiedBefore, long checkedBlock) {
    }

    /** The portal's one time format (as InstantConverter shows instants), for trail details. */
    static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    @Inject
    LedgerIndex ledger;

    @Inject
    CurrentUser currentUser;

    @Inject
    TrailService trail;

    @Inject
    org.custos.portal.ledger.application.ClinicNames clinicNames;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    /** Parses access-log entries while the upload is inflated and hashed. */
    @Resource
    ManagedExecutorService parsers;

    private final RulesEngine engine = RulesEngine.standard();

    /**
     * Who uploads for which clinic, decided on the caller's own request by {@link #authorise}; only this service
     * makes one, so the verification thread cannot be handed a clinic the caller may not upload for.
     */
    public static final class UploadTicket {

        private final String clinicId;
        private final SignedInUser uploader;

        private UploadTicket(String clinicId, SignedInUser uploader) {
            this.clinicId = clinicId;
            this.uploader = uploader;
        }

        public String clinicId() {
            return clinicId;
        }

        public SignedInUser uploader() {
            return uploader;
        }
    }

    @Inject
    ClinicScope clinicScope;

    @Resource
    SessionContext session;

    /** Reads, verifies and evaluates in one call, on the caller's thread ({@link #authorise}, then {@link #verify}). */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER})
    public UploadResult upload(InputStream in, String clinicId, BundleProgress progress) {
        return verify(in, authorise(clinicId), progress);
    }

    /**
     * Checks, on the request of the signed-in user, that they may upload a bundle of {@code clinicId}: a regulator
     * any clinic, a compliance officer only the on-chain clinic their token's {@code clinic_id} maps to
     * ({@link ClinicScope#mayAccess}).
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER})
    public UploadTicket authorise(String clinicId) {
        String clinic = clinicId == null ? "" : clinicId.toLowerCase(Locale.ROOT);
        if (!clinic.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("clinic must be a 0x-hex bytes32 clinic id");
        }
        if (!clinicScope.mayAccess(clinic)) {
            throw new SecurityException("a compliance officer uploads only their own clinic's bundle");
        }
        return new UploadTicket(clinic, new SignedInUser(currentUser.getName(),
                String.join(",", currentUser.getRoles()), currentUser.getClinicId()));
    }

    /**
     * Reads {@code in} as the ticket's clinic's bundle, verifies it against the clinic's proven events, evaluates
     * every rule and stores the bundle record, the merged findings and a trail entry in this transaction. Needs no
     * request (it may run on a managed executor thread); the caller must be the ticket's uploader.
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER})
    public UploadResult verify(InputStream in, UploadTicket ticket, BundleProgress progress) {
        if (!session.getCallerPrincipal().getName().equals(ticket.uploader().name())) {
            throw new SecurityException("the upload ticket is another user's");
        }
        String clinic = ticket.clinicId();
        SyncState state = ledger.state().orElseThrow(() -> new IllegalStateException("the ledger is not synced yet"));
        long head = state.getVerifiedNumber();
        Instant asOf = ledger.block(head).map(VerifiedBlock::getBlockTime)
                .orElseThrow(() -> new IllegalStateException("no verified block yet"));
        List<ProvenEvent> events = ProvenEvents.load(ledger, clinic);
        if (events.stream().noneMatch(e -> e.name().equals("ClinicAdmitted"))) {
            throw new IllegalArgumentException("clinic " + clinic + " is not admitted on the verified chain");
        }
        FindingRepository repository = new JpaFindingRepository(em);
        try (EvidenceBundle bundle = new BundleReader(BundleLimits.defaults(), parsers).read(in, clinic,
                progress)) {
            BundleVerification v = new BundleVerifier().verify(bundle, events);
            List<Finding> findings = engine.evaluate(new ClinicFacts(clinic, events, bundle, v, asOf));
            Instant now = clock.instant();
            Optional<StoredBundle> known = repository.bundle(bundle.sha256());
            StoredBundle record = known.orElseGet(() -> new StoredBundle(bundle, v, ticket.uploader().name(), now,
                    head, summary(v)));
            if (known.isEmpty()) {
                repository.addBundle(record);
            }
            String mark = "block:" + head + "|bundle:" + bundle.sha256();
            FindingMerger.Result merge = FindingMerger.merge(repository, clinic, findings, s -> true, mark, now);
            EvaluationMark last = em.find(EvaluationMark.class, clinic);
            if (last == null) {
                em.persist(new EvaluationMark(clinic, mark, now, findings.size()));
            } else {
                last.update(mark, now, findings.size());
            }
            trail.record(ticket.uploader(), TrailAction.BUNDLE_VERIFIED, "bundle", bundle.sha256(),
                    trailDetail(clinicNames.nameWithId(clinic), bundle.entries(), findings.size(),
                            known.orElse(null)));
            return new UploadResult(record, v, findings.size(), merge, known.isPresent(), head);
        }
    }

    /** The bundles of the caller's scope, newest first. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<StoredBundle> bundles(int first, int limit) {
        return new JpaFindingRepository(em).bundles(clinicScope.queryScope(), first, Math.min(limit, 1000));
    }

    /**
     * The trail entry's detail of a verification; a bundle verified before says so, with its first verification
     * (the row "Past verifications" shows), so that the trail and the page agree.
     */
    static String trailDetail(String clinic, int entries, int findings, StoredBundle first) {
        // clinic: its name and full id ("clinic-south (0x…)"), or the id alone when it has no name
        String detail = "clinic " + clinic + ", " + Words.plural(entries, "entry", "entries") + ", "
                + Words.plural(findings, "finding", "findings");
        return first == null ? detail : detail + "; verified again (first verified " + TIME.format(
                first.getUploadedAt()) + " by " + first.getUploadedBy() + ")";
    }

    static String summary(BundleVerification v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("entries", v.entries());
        s.put("coveredEntries", v.coveredEntries());
        s.put("checkpoints", v.checkpoints().stream().map(c -> Map.of("treeSize", c.treeSize(), "root",
                c.status().name(), "consistent", String.valueOf(c.consistentWithPrevious()), "head",
                c.head().name(), "tx", c.event().txHash())).toList());
        s.put("receipts", v.receipts().stream().filter(r -> r.status() != BundleVerification.ReceiptStatus.OK)
                .map(r -> Map.of("keyId", r.keyId(), "status", r.status().name())).toList());
        s.put("documentsMissing", v.documents().stream().filter(d -> !d.found())
                .map(d -> Map.of("docType", d.docType(), "version", d.version())).toList());
        s.put("identifierDictionary", !v.identifiers().isEmpty());
        return FindingMerger.json(s);
    }
}
