package org.custos.portal.trail.domain;

import java.util.List;
import java.util.function.Predicate;

/** Storage of the trail. Appends are serialised by the implementation; nothing is ever updated or deleted. */
public interface TrailRepository {

    /** Chains and stores {@code record} after the current head, under a lock on the head. */
    TrailEntry append(TrailRecord record);

    /** Newest first, a page of at most {@code limit} entries; {@code clinicId} null means every clinic. */
    List<TrailEntry> newest(String clinicId, int first, int limit);

    long count(String clinicId);

    /** Streams every entry in sequence order to {@code consumer} until it returns false. */
    void forEachInOrder(Predicate<TrailEntry> consumer);

    /**
     * The head recorded at the last append, locked until the caller's transaction ends so that no append
     * runs while the chain is being compared with it.
     */
    TrailHead lockedHead();

    /** The recorded head of the chain. */
    record TrailHead(long lastSeq, String lastHash) {
    }
}
