package org.custos.portal.dpo.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.compliance.domain.RequestClock.State;

/** Where the request queue is kept. Queries take the clinic scope in the query: null = every clinic. */
public interface DsrRequestRepository {

    /**
     * Brings {@code clinicId}'s rows to {@code rows} (afterwards the clinic has exactly these) and marks the clinic
     * projected at {@code block} as of {@code asOf}.
     */
    void replace(String clinicId, List<DsrRequest> rows, long block, Instant asOf);

    /** The verified block the clinic's queue was last projected at; empty when never. */
    Optional<DsrProjection> projection(String clinicId);

    /** A page of the rows matching {@code q}, in its order. */
    List<DsrRequest> page(DsrRequestQuery q, int first, int limit);

    long count(DsrRequestQuery q);

    /** Number of rows matching {@code q} per state (GROUP BY). */
    Map<State, Long> countByState(DsrRequestQuery q);

    /**
     * The rows matching {@code q} after {@code after} (null: from the start) in (clinic, request id) order: keyset
     * pages for the CSV download, whatever the page's order.
     */
    List<DsrRequest> after(DsrRequestQuery q, DsrRequest.Key after, int limit);

    /** One request of {@code clinicId}. */
    Optional<DsrRequest> find(String clinicId, String requestId);

    /** The requests with this id, in clinic order, within {@code clinicId} (null: every clinic). */
    List<DsrRequest> withId(String clinicId, String requestId);

    /** The newest "as of" time of the projections of {@code clinicId} (null: every clinic); empty when none. */
    Optional<Instant> asOf(String clinicId);
}
