package org.custos.portal.dpo.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.CodeList;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * Projects a clinic's proven events onto its request queue: one row per request id, from its first
 * {@code RequestReceived} in chain order (as the rules judge a repeated id once), with the first
 * {@code RequestExtended} and the first {@code RequestAnswered} of that id, judged by the {@link RequestClock} of its
 * declared regime and type as of {@code asOf}. Extensions and answers of an id never received are not requests.
 * Pure: the same events and time give the same rows.
 */
public final class DsrRequestProjection {


    private DsrRequestProjection() {
    }

    /** The rows of {@code clinicId}'s queue from its events in chain order, as of {@code asOf}. */
    public static List<DsrRequest> project(String clinicId, List<ProvenEvent> events, Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Map<String, ProvenEvent> received = new LinkedHashMap<>();
        Map<String, ProvenEvent> extended = new HashMap<>();
        Map<String, ProvenEvent> answered = new HashMap<>();
        for (ProvenEvent e : events) {
            switch (e.name()) {
                case "RequestReceived" -> received.putIfAbsent(e.field("requestId"), e);
                case "RequestExtended" -> extended.putIfAbsent(e.field("requestId"), e);
                case "RequestAnswered" -> answered.putIfAbsent(e.field("requestId"), e);
                default -> {
                }
            }
        }
        List<DsrRequest> rows = new ArrayList<>(received.size());
        for (ProvenEvent r : received.values()) {
            String id = r.field("requestId");
            int type = r.intField("requestType");
            int regime = r.intField("regime");
            DsrRequest row = new DsrRequest(clinicId, id, r.field("subjectPseudonym"), typeName(type),
                    Regimes.regimeName(regime), r.time(), r.id(), r.block(), r.txHash());
            ProvenEvent ext = extended.get(id);
            if (ext != null) {
                row.extension(ext.time(), ext.id());
            }
            ProvenEvent ans = answered.get(id);
            if (ans != null) {
                row.answer(ans.time(), ans.id(), outcomeName(ans.intField("outcome")), ans.intField("legalGround"));
            }
            rows.add(row.judged(RequestClock.of(regime, type).orElse(null), asOf));
        }
        return rows;
    }

    /** ACCESS, ERASURE, RECTIFICATION, ACCOUNTING, or UNKNOWN(n) for a code outside the contract's enum. */
    public static String typeName(int type) {
        return stored(EventVocabulary.REQUEST_TYPE, type);
    }

    /** FULFILLED, PARTIAL, REFUSED, or UNKNOWN(n) for a code outside the contract's enum. */
    public static String outcomeName(int outcome) {
        return stored(EventVocabulary.OUTCOME, outcome);
    }

    /** A code's name as the projection stores it (the vocabulary's name; UNKNOWN(n) outside the list). */
    private static String stored(CodeList list, int code) {
        String name = list.names().get(code);
        return name != null ? name : "UNKNOWN(" + code + ")";
    }

    /** The request types of the contract, in code order (for filters). */
    public static List<String> types() {
        return EventVocabulary.REQUEST_TYPE.members();
    }
}
