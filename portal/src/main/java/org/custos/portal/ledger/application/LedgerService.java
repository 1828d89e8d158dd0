package org.custos.portal.ledger.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.BatchVerifier;
import org.custos.portal.ledger.domain.ClinicMembership;
import org.custos.portal.ledger.domain.IntegrityAlert;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.custos.portal.ledger.infrastructure.LedgerNodes;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.Roles;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.SealedChainVerifier;

/**
 * The verified ledger for the pages. Chain-wide facts (sync progress, endpoints, alerts, block headers) are open
 * to every portal role; clinic events and a clinic's registry entry are scoped in the query: regulators see
 * every clinic, a compliance officer or DPO only the clinic of their token's {@code clinic_id} claim (mapped to
 * its on-chain id by {@code custos.ledger.clinics}); an unmapped clinic sees nothing, never everything. The rule
 * is {@link ClinicScope}'s.
 */
@Stateless
public class LedgerService {

    /** The sync's progress, for the ledger page. Node heads are claims; verified height is a fact. */
    public record SyncOverview(boolean configured, String consensus, String scope, long checkpointNumber,
                               String checkpointHash, long verifiedNumber, String verifiedHash, long targetHead,
                               double progress, double blocksPerSecond, java.time.Instant unreachableSince,
                               Long haltedAt, String lastError, long alerts, long blocks, long events,
                               List<SyncEngine.EndpointStatus> endpoints) {
    }

    /** An event and its proof path: log in receipt (tx index, log index), receipt under the block's receiptsRoot,
     *  the header verified and chained back to the checkpoint. */
    public record EventProof(VerifiedEvent event, VerifiedBlock block, long checkpointNumber,
                             String checkpointHash, long verifiedHead, String scope) {
    }

    /** A verified block fetched again and recomputed: header fields, recomputed hash, checks. */
    public record BlockInspection(VerifiedBlock stored, Map<String, String> headerFields, String recomputedHash,
                                  boolean matchesStored, String verdict, String sealers, String endpoint) {
    }

    @Inject
    LedgerIndex index;

    @Inject
    LedgerConfiguration configuration;

    @Inject
    LedgerNodes nodes;

    @Inject
    ClinicScope clinicScope;

    @Inject
    java.time.Clock clock;

    @EJB
    LedgerSyncScheduler scheduler;

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public SyncOverview overview() {
        LedgerSettings s = configuration.settings();
        Optional<SyncState> state = index.state();
        Optional<SyncEngine> engine = scheduler.engine();
        long verified = state.map(SyncState::getVerifiedNumber).orElse(s.syncEnabled() ? s.checkpoint().number() : 0);
        long target = engine.map(SyncEngine::targetHead).orElse(-1L);
        long base = s.syncEnabled() ? s.checkpoint().number() : 0;
        double progress = target <= base ? (target < 0 ? 0 : 1) : Math.min(1.0, (double) (verified - base) / (target - base));
        return new SyncOverview(s.syncEnabled(), s.syncEnabled() ? s.consensus().name() : null, scope(s),
                s.syncEnabled() ? s.checkpoint().number() : -1, s.syncEnabled() ? s.checkpoint().hash() : null,
                verified, state.map(SyncState::getVerifiedHash).orElse(null), target, progress,
                engine.map(SyncEngine::blocksPerSecond).orElse(0.0),
                state.map(SyncState::getUnreachableSince).orElse(null), state.map(SyncState::getHaltedAt).orElse(null),
                state.map(SyncState::getLastError).orElse(null), index.alertCount(), index.blockCount(),
                index.eventCount(null), scheduler.endpoints());
    }

    private static String scope(LedgerSettings s) {
        if (!s.syncEnabled()) {
            return "not configured";
        }
        return switch (s.consensus()) {
            case DEV -> SealedChainVerifier.HASH_CHAIN_ONLY + "; transactions and receipts roots recomputed";
            case CLIQUE -> "hash chain and Clique signers from the pinned set (not final); transactions and "
                    + "receipts roots recomputed";
            default -> "hash chain and " + s.consensus() + " commit-seal quorum; transactions and receipts roots";
        };
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<IntegrityAlert> alerts(int first, int limit) {
        return index.alerts(first, limit);
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<VerifiedBlock> newestBlocks(int first, int limit) {
        return index.newestBlocks(first, limit);
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<VerifiedBlock> block(long number) {
        return index.block(number);
    }

    /**
     * Fetches a verified block again from the first endpoint that answers and recomputes it on top of its
     * verified parent: header fields, recomputed hash (equal to the stored one?), seal and roots.
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<BlockInspection> inspectBlock(long number) throws LedgerUnavailableException {
        Optional<VerifiedBlock> stored = index.block(number);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        LedgerSettings s = configuration.settings();
        LedgerUnavailableException last = null;
        for (LedgerNode node : nodes.nodes()) {
            try {
                List<RpcBlock> fetched = node.blocks(number, 1);
                if (fetched.isEmpty()) {
                    continue;
                }
                RpcBlock block = fetched.get(0);
                Map<String, String> fields = new LinkedHashMap<>();
                String recomputed = null;
                try {
                    ClaimedHeader h = RpcHeaderParser.parse(block.block());
                    for (HeaderField f : HeaderField.values()) {
                        if (h.header().get(f) != null) {
                            fields.put(f.jsonName(), RpcHeaderParser.format(f, h.header().get(f)));
                        }
                    }
                    recomputed = new BatchVerifier(s).blockHash(h.header());
                } catch (RpcFormatException e) {
                    fields.put("error", e.getMessage());
                }
                BatchVerifier.Outcome outcome = new BatchVerifier(s).reverifyStored(number - 1,
                        stored.get().getParentHash(), block, stored.get().getHash(), clock.instant());
                String verdict = outcome.complete() ? VerificationResult.ok().toString()
                        : outcome.failure().check() + ": " + outcome.failure().reason() + " expected "
                        + outcome.failure().expected() + ", actual " + outcome.failure().actual();
                return Optional.of(new BlockInspection(stored.get(), fields, recomputed,
                        stored.get().getHash().equals(recomputed), verdict,
                        outcome.complete() ? outcome.blocks().get(0).getSealers() : null, node.name()));
            } catch (LedgerUnavailableException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        return Optional.empty();
    }

    // --- clinic events, scoped in the query ---

    /** Regulators: the clinics that have verified events (on-chain ids). */
    @RolesAllowed(Roles.REGULATOR)
    public List<String> clinics() {
        return index.clinics();
    }

    /** Regulators: a clinic's events (any clinic), chain order. */
    @RolesAllowed(Roles.REGULATOR)
    public List<VerifiedEvent> eventsOf(String clinicId, int first, int limit) {
        return index.events(normalise(clinicId), first, limit);
    }

    @RolesAllowed(Roles.REGULATOR)
    public long eventCountOf(String clinicId) {
        return index.eventCount(normalise(clinicId));
    }

    /** Regulators: events per name of a clinic, or of all clinics when {@code clinicId} is null. */
    @RolesAllowed(Roles.REGULATOR)
    public Map<String, Long> eventCountsByName(String clinicId) {
        return index.eventCountsByName(clinicId == null ? null : normalise(clinicId));
    }

    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<VerifiedEvent> eventsOfMyClinic(int first, int limit) {
        Optional<String> mine = clinicScope.ownClinic();
        return mine.isEmpty() ? List.of() : index.events(mine.get(), first, limit);
    }

    /** Compliance officers and DPOs: events per name of their own clinic (empty when the clinic is not mapped). */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Map<String, Long> eventCountsByNameOfMyClinic() {
        Optional<String> mine = clinicScope.ownClinic();
        return mine.isEmpty() ? Map.of() : index.eventCountsByName(mine.get());
    }

    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public long eventCountOfMyClinic() {
        Optional<String> mine = clinicScope.ownClinic();
        return mine.isEmpty() ? 0 : index.eventCount(mine.get());
    }

    /**
     * The consortium events of one verified block that this user may see: regulators every event, compliance
     * officers and DPOs only their own clinic's (the clinic is a condition of the query; unmapped: none).
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<VerifiedEvent> eventsInBlock(long number) {
        if (clinicScope.allClinics()) {
            return index.eventsInBlock(number, null);
        }
        Optional<String> mine = clinicScope.ownClinic();
        return mine.isEmpty() ? List.of() : index.eventsInBlock(number, mine.get());
    }

    /**
     * One event with its proof path. Regulators: any event; compliance officers and DPOs: only an event of their
     * own clinic (the clinic is a condition of the query: another clinic's event id gives empty).
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<EventProof> eventProof(long eventId) {
        Optional<VerifiedEvent> event;
        if (clinicScope.allClinics()) {
            event = index.event(eventId, null);
        } else {
            Optional<String> mine = clinicScope.ownClinic();
            event = mine.isEmpty() ? Optional.empty() : index.event(eventId, mine.get());
        }
        LedgerSettings s = configuration.settings();
        return event.flatMap(e -> index.block(e.getBlockNumber()).map(b -> new EventProof(e, b,
                s.checkpoint().number(), s.checkpoint().hash(),
                index.state().map(SyncState::getVerifiedNumber).orElse(-1L), scope(s))));
    }

    /**
     * A clinic's registry entry (membership, suspension, keys) read with eth_getProof at the verified head and
     * verified against its stateRoot. Regulators: any clinic; officers and DPOs: their own clinic only.
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<ClinicMembership> clinicMembership(String clinicId) throws LedgerUnavailableException {
        String id = normalise(clinicId);
        if (!clinicScope.mayAccess(id)) {
            return Optional.empty();
        }
        LedgerSettings s = configuration.settings();
        Optional<SyncState> state = index.state();
        if (state.isEmpty() || !s.syncEnabled()) {
            return Optional.empty();
        }
        Optional<VerifiedBlock> head = index.block(state.get().getVerifiedNumber());
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(proveMembership(s, nodes.nodes(), id, head.get()));
    }

    /** Fetches and verifies the proof from the first endpoint that answers (package-visible for tests). */
    static ClinicMembership proveMembership(LedgerSettings s, List<LedgerNode> nodes, String clinicId,
                                            VerifiedBlock block) throws LedgerUnavailableException {
        List<String> slots = ClinicMembership.slotsOf(clinicId);
        List<LedgerUnavailableException> errors = new ArrayList<>();
        for (LedgerNode node : nodes) {
            try {
                Map<String, Object> proof = node.proof(s.contracts().registry(), slots, block.getNumber());
                return ClinicMembership.verify(clinicId, s.contracts().registry(), block.getNumber(),
                        block.getStateRoot(), proof);
            } catch (LedgerUnavailableException e) {
                errors.add(e);
            }
        }
        throw errors.get(errors.size() - 1);
    }

    private static String normalise(String clinicId) {
        if (clinicId == null || !clinicId.toLowerCase(java.util.Locale.ROOT).matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not an on-chain clinic id (0x + 64 hex digits): " + clinicId);
        }
        return clinicId.toLowerCase(java.util.Locale.ROOT);
    }
}
