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
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * Data-subject request deadlines: a first period from receipt, one extension whose notice must come inside the
 * first period, an extended period. A late extension notice, a late answer, or no answer once the deadline has
 * passed ({@code asOf}) is a finding. Each subclass is one catalogue rule: its regime, request types and periods.
 */
abstract class RequestDeadlineRule extends Rule {

    static final String[] TYPES = {"ACCESS", "ERASURE", "RECTIFICATION", "ACCOUNTING"};

    /** The arithmetic of one period: the deadline for a request received at the given time. */
    interface Period {
        Instant from(Instant received);
    }

    private final String id;
    private final String legalSource;
    private final Severity severity;
    private final int regime;
    private final int requestType;
    private final Period first;
    private final Period extended;

    /**
     * @param regime      regime code of RequestReceived (0 GDPR, 1 UK_GDPR, 2 HIPAA)
     * @param requestType the request type the rule covers (0..3), or -1 for every type
     */
    RequestDeadlineRule(String id, String legalSource, Severity severity, int regime, int requestType,
                        Period first, Period extended) {
        this.id = id;
        this.legalSource = legalSource;
        this.severity = severity;
        this.regime = regime;
        this.requestType = requestType;
        this.first = first;
        this.extended = extended;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String legalSource() {
        return legalSource;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    int regime() {
        return regime;
    }

    boolean coversType(int type) {
        return requestType < 0 || type == requestType;
    }

    Instant firstDeadline(Instant received) {
        return first.from(received);
    }

    Instant extendedDeadline(Instant received) {
        return extended.from(received);
    }

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
