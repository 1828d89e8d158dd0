package org.custos.portal.trail.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailChainVerifier;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailRecord;
import org.custos.portal.trail.domain.TrailRepository;
import org.custos.portal.trail.domain.TrailRepository.TrailHead;
import org.custos.portal.trail.domain.TrailVerification;

/** Appends to, reads and verifies the portal's trail of actions. */
@Stateless
public class TrailService {

    @Inject
    TrailRepository repository;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClinicScope clinicScope;

    @Inject
    Clock clock;

    @Inject
    org.custos.portal.trail.infrastructure.JpaTrailSearch search;

    /** The most rows one CSV export of the trail writes (bounded; the page says so beside the link). */
    public static final long MAX_EXPORT = 100_000;

    /** Appends an entry for {@code actor}, in the caller's transaction (so it commits with the action). */
    @PermitAll
    public TrailEntry record(SignedInUser actor, TrailAction action, String objectType, String objectId,
                             String detail) {
        TrailRecord record = new TrailRecord(clock.instant(), actor.name(), actor.roles(), actor.clinicId(),
                action, objectType, objectId, detail);
        return repository.append(record);
    }

    /** Regulators: the newest entries of every clinic and of the regulators themselves. */
    @RolesAllowed(Roles.REGULATOR)
    public List<TrailEntry> newest(int first, int limit) {
        return repository.newest(null, first, limit);
    }

    @RolesAllowed(Roles.REGULATOR)
    public long count() {
        return repository.count(null);
    }

    /** Regulators: a page of the entries {@code filter} passes, newest first. */
    @RolesAllowed(Roles.REGULATOR)
    public List<TrailEntry> newest(org.custos.portal.trail.domain.TrailFilter filter, int first, int limit) {
        return search.newest(filter, first, Math.min(limit, 1000));
    }

    @RolesAllowed(Roles.REGULATOR)
    public long count(org.custos.portal.trail.domain.TrailFilter filter) {
        return search.count(filter);
    }

    /**
     * Regulators: records a CSV download of the trail as EXPORT_DOWNLOADED with its filter, in its own call (and
     * transaction) before the rows are read, so that the trail's head is not locked while the file streams.
     */
    @RolesAllowed(Roles.REGULATOR)
    public void recordExport(org.custos.portal.trail.domain.TrailFilter filter) {
        record(new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()), null),
                TrailAction.EXPORT_DOWNLOADED, "export", "trail.csv", "trail; " + filter.describe());
    }

    /**
     * Regulators: the filtered entries, newest first, at most {@link #MAX_EXPORT}, to {@code rows} (the CSV
     * download) until it returns false; reads only. Returns how many entries were passed.
     */
    @RolesAllowed(Roles.REGULATOR)
    public long export(org.custos.portal.trail.domain.TrailFilter filter,
                       java.util.function.Predicate<TrailEntry> rows) {
        long[] n = {0};
        search.forEachNewest(filter, MAX_EXPORT, e -> {
            n[0]++;
            return rows.test(e);
        });
        return n[0];
    }

    /**
     * The recorded head (entry count and hash), read in its own short transaction: a signed report prints it, so
     * that a later rewrite of any entry up to it is detectable from the report.
     */
    @PermitAll
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public TrailRepository.TrailHead head() {
        return repository.lockedHead();
    }

    /** The number of entries, for the health check (no entry content is revealed). */
    @PermitAll
    public long size() {
        return repository.count(null);
    }

    /**
     * Compliance officers and DPOs: the newest entries of their own clinic only. The trail records an actor's
     * clinic as their token names it (not its on-chain id), so the filter is {@link ClinicScope#tokenClinic()}.
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<TrailEntry> newestOfMyClinic(int limit) {
        return repository.newest(clinicScope.tokenClinic(), 0, limit);
    }

    /**
     * Regulators: recomputes the whole chain from the first entry and compares it with the recorded head,
     * then records that the check was made and its verdict.
     */
    @RolesAllowed(Roles.REGULATOR)
    public TrailVerification verifyChain() {
        TrailVerification verdict = verifyWithoutRecording();
        SignedInUser me = new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()), null);
        record(me, TrailAction.TRAIL_VERIFIED, "trail", null, verdict.summary());
        return verdict;
    }

    /** The verdict only, for health checks and tests. */
    @PermitAll
    public TrailVerification verifyWithoutRecording() {
        TrailHead head = repository.lockedHead();
        TrailChainVerifier verifier = new TrailChainVerifier();
        repository.forEachInOrder(verifier::accept);
        return verifier.finish(head.lastSeq(), head.lastHash());
    }
}
