package org.custos.portal.ledger.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the verified index. {@code clinicId} (on-chain, bytes32 hex) restricts a query to one clinic's events;
 * null means every clinic: callers decide it from the user's role, never from a request parameter alone.
 */
public interface LedgerIndex {

    Optional<SyncState> state();

    long blockCount();

    /** Newest first. */
    List<VerifiedBlock> newestBlocks(int first, int limit);

    Optional<VerifiedBlock> block(long number);

    long eventCount(String clinicId);

    /** In chain order (block, log index). */
    List<VerifiedEvent> events(String clinicId, int first, int limit);

    /** The events of block {@code number} in log order, only those of {@code clinicId} (every event when null). */
    List<VerifiedEvent> eventsInBlock(long number, String clinicId);

    /** The event with that id, only if it belongs to {@code clinicId} (or any clinic when null). */
    Optional<VerifiedEvent> event(long id, String clinicId);

    /** Events per event name, in name order. */
    Map<String, Long> eventCountsByName(String clinicId);

    /**
     * The ledger-wide personal-data scan's hits in chain order (block, scan order), every clinic's and none's:
     * attributing them to a clinic is the rules' work (by recovered sender), and only the rules read them.
     */
    List<PersonalDataHit> personalData(int first, int limit);

    /** The clinics that have events, in id order. */
    List<String> clinics();

    /** Newest first. */
    List<IntegrityAlert> alerts(int first, int limit);

    long alertCount();
}
