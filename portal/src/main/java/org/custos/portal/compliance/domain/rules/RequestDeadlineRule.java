package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * Data-subject request deadlines: a first period from receipt, one extension whose notice must come inside the
 * first period, an extended period. A late extension notice, a late answer, or no answer once the deadline has
 * passed ({@code asOf}) is a finding. Subclasses give the regime, request types and the arithmetic.
 */
abstract class RequestDeadlineRule extends Rule {

    static final String[] TYPES = {"ACCESS", "ERASURE", "RECTIFICATION", "ACCOUNTING"};

    /** Regime code of RequestReceived (0 GDPR, 1 UK_GDPR, 2 HIPAA). */
    abstract int regime();

    abstract boolean coversType(int requestType);

    abstract Instant firstDeadline(Instant received);

    abstract Instant extendedDeadline(Instant received);

    @Override
    public boolean appliesTo(Regimes regimes) {
        return true;
    }

    /** The deadline of a request (extended when the extension notice came in time). */
    Instant deadline(Instant received, ProvenEvent extension) {
        Instant first = firstDeadline(received);
        return extension != null && !extension.time().isAfter(first) ? extendedDeadline(received) : first;
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, ProvenEvent> extended = Chain.firstBy(f, "RequestExtended", "requestId");
        Map<String, ProvenEvent> answered = Chain.firstBy(f, "RequestAnswered", "requestId");
        for (ProvenEvent r : f.events("RequestReceived")) {
            if (r.intField("regime") != regime() || !coversType(r.intField("requestType"))) {
                continue;
            }
            String id = r.field("requestId");
            ProvenEvent ext = extended.get(id);
            ProvenEvent ans = answered.get(id);
            Instant first = firstDeadline(r.time());
            Instant deadline = deadline(r.time(), ext);
            String problem = null;
            Instant actual = null;
            Instant due = deadline;
            if (ext != null && ext.time().isAfter(first)) {
                problem = "extension notice after the first period";
                actual = ext.time();
                due = first;
            } else if (ans == null) {
                if (f.asOf().isAfter(deadline)) {
                    problem = "not answered by the deadline";
                }
            } else if (ans.time().isAfter(deadline)) {
                problem = "answered after the deadline";
                actual = ans.time();
            }
            if (problem == null) {
                continue;
            }
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("requestId", id);
            objects.put("requestType", TYPES[Math.min(3, r.intField("requestType"))]);
            List<EvidenceRef> ev = new ArrayList<>();
            ev.add(EvidenceRef.event("requestReceived", r));
            if (ext != null) {
                ev.add(EvidenceRef.event("requestExtended", ext));
            }
            if (ans != null) {
                ev.add(EvidenceRef.event("requestAnswered", ans));
            }
            out.add(finding(f, "requestId:" + id, "Request " + objects.get("requestType").toLowerCase()
                    + ": " + problem + " (due " + due + ")", objects, ev, due, actual));
        }
    }
}
