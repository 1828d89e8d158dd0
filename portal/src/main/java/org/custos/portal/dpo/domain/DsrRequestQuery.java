package org.custos.portal.dpo.domain;

import java.time.Instant;
import java.util.Set;
import org.custos.portal.compliance.domain.RequestClock.State;

/**
 * The queue's filters and order. {@code clinicId} null: every clinic (set by the application from the caller's
 * scope, never from the request alone). Other nulls and an empty {@code states}: no condition. {@code receivedFrom}
 * inclusive, {@code receivedBefore} exclusive.
 */
public record DsrRequestQuery(String clinicId, Set<State> states, String requestType, String regime,
                              Instant receivedFrom, Instant receivedBefore, Boolean extended, Sort sort,
                              boolean ascending) {

    /** What the queue can be ordered by (ties: clinic, then request id, so pages never overlap). */
    public enum Sort {
        RECEIVED, DEADLINE, ANSWERED, STATE, TYPE, REGIME
    }

    public DsrRequestQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        sort = sort == null ? Sort.RECEIVED : sort;
    }

    /** The same filters and order with the clinic the caller may use. */
    public DsrRequestQuery withClinic(String clinic) {
        return new DsrRequestQuery(clinic, states, requestType, regime, receivedFrom, receivedBefore, extended, sort,
                ascending);
    }

    /** Every request of every clinic, newest received first. */
    public static DsrRequestQuery all() {
        return new DsrRequestQuery(null, Set.of(), null, null, null, null, null, Sort.RECEIVED, false);
    }
}
