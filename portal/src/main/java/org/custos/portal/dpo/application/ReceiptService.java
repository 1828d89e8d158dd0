package org.custos.portal.dpo.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custos.portal.compliance.application.ProvenEvents;
import org.custos.portal.dpo.domain.DsrReceipt;
import org.custos.portal.dpo.domain.DsrReceiptRepository;
import org.custos.portal.dpo.domain.KmsReceiptVerifier;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Verdict;
import org.custos.portal.dpo.domain.RequestKeys;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * KMS deletion receipts of one data-subject request (issue 15, item 3): a DPO uploads a receipt and its signature
 * file for a request of their own clinic; it is verified at once by {@link KmsReceiptVerifier} against the request's
 * keys, the {@code KeyDestroyed} anchoring its SHA-256 and the clinic's registered {@code kmsAttestationKey}
 * ({@link RequestKeys}, from proven events). A verified receipt is kept (once: the same receipt again is verified
 * and reported as already kept); a refused one is not kept at all. Every upload for a request in scope is a trail
 * entry ({@code RECEIPT_VERIFIED} / {@code RECEIPT_REFUSED}). A request of another clinic, an unknown id and a
 * malformed id are the same answer, "not found", with no trail entry, as for the register's reports.
 */
@Stateless
public class ReceiptService {

    private static final Pattern REQUEST_ID = Pattern.compile("0x[0-9a-f]{64}");

    @Inject
    DsrReceiptRepository repository;

    @Inject
    LedgerIndex ledger;

    @Inject
    ClinicScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    TrailService trail;

    @Inject
    Clock clock;

    /**
     * The verdict on one upload and whether the receipt is kept.
     *
     * @param kept        verified and stored now
     * @param alreadyKept verified, and the same receipt was kept before (nothing stored again)
     */
    public record Upload(Verdict verdict, boolean kept, boolean alreadyKept) {
    }

    /**
     * Verifies the receipt for request {@code requestId} of the caller's clinic; empty when there is no such
     * request in scope (regulators, who have no own clinic, upload nothing here).
     */
    @RolesAllowed(Roles.DPO)
    public Optional<Upload> upload(String requestId, byte[] receipt, byte[] signatureFile) {
        Optional<RequestKeys> request = request(requestId);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        RequestKeys r = request.get();
        Verdict v = new KmsReceiptVerifier().verify(receipt, signatureFile, r.expected());
        SignedInUser me = me();
        if (!v.verified()) {
            trail.record(me, TrailAction.RECEIPT_REFUSED, "dsr-request", r.requestId(), refusal(v));
            return Optional.of(new Upload(v, false, false));
        }
        boolean already = repository.exists(r.clinicId(), r.requestId(), v.keyId(), v.sha256());
        if (!already) {
            repository.store(new DsrReceipt(0, r.clinicId(), r.requestId(), v.keyId(), receipt.clone(),
                    signatureFile.clone(), v.sha256(), v.signer().toLowerCase(java.util.Locale.ROOT), me.name(),
                    clock.instant()));
        }
        trail.record(me, TrailAction.RECEIPT_VERIFIED, "dsr-request", r.requestId(), "key " + v.keyId()
                + "; receipt sha256 " + v.sha256() + "; signer " + v.signer() + "; KeyDestroyed in block "
                + v.anchor().block() + " tx " + v.anchor().txHash() + (already ? "; already kept" : "; kept"));
        return Optional.of(new Upload(v, !already, already));
    }

    /** The request's kept receipts, in the caller's scope (empty for another clinic's request). */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<DsrReceipt> receipts(String requestId) {
        if (!validId(requestId)) {
            return List.of();
        }
        return repository.of(requestId, scope.queryScope());
    }

    /** The request among the caller's own clinic's proven events. */
    Optional<RequestKeys> request(String requestId) {
        String clinic = scope.queryScope();
        if (!validId(requestId) || clinic == null || ClinicScope.NO_CLINIC.equals(clinic)
                || !scope.mayAccess(clinic)) {
            return Optional.empty();
        }
        return RequestKeys.of(clinicEvents(clinic), clinic, requestId);
    }

    /** The clinic's proven events, chain order. */
    List<ProvenEvent> clinicEvents(String clinicId) {
        return ProvenEvents.load(ledger, clinicId);
    }

    static boolean validId(String id) {
        return id != null && REQUEST_ID.matcher(id).matches();
    }

    private static String refusal(Verdict v) {
        return "refused " + v.reason() + (v.keyId() == null ? "" : "; key " + v.keyId())
                + (v.sha256() == null ? "" : "; receipt sha256 " + v.sha256()) + "; expected " + v.expected()
                + "; found " + v.actual() + "; nothing kept";
    }

    SignedInUser me() {
        String clinic = currentUser.isRegulator() ? null : currentUser.getClinicId();
        return new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()), clinic);
    }
}
