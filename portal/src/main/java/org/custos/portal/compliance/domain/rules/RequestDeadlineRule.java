package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Deadlines;
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
 * <p>
 * The clinic's profile selects the rule ({@link #appliesTo}: the rule's regime binds the clinic, {@link
 * Regimes#binds}), and the rule then covers every request of its types the clinic received, whatever regime the
 * request declares: an EU-established controller owes Art 12(3) on every data-subject request, a covered entity
 * owes 164.524 on every access request. A declared regime that does not fit the profile is reported by APP-01 or
 * APP-02 ({@link DeclaredRegimeRule}), which uses {@link #timing} to say how the request fared under the regime
 * it declares.
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
     * @param regime      the rule's regime, as a RequestReceived code (0 GDPR, 1 UK_GDPR, 2 HIPAA)
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

    /** 2: selected by the clinic's profile and covering every request of its types (1 followed the declared regime). */
    @Override
    public int version() {
        return 2;
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

    /** Whether the rule's regime binds a clinic of this profile (establishment, HIPAA declaration). */
    @Override
    public boolean appliesTo(Regimes regimes) {
        return regimes.binds(regime);
    }

    /** The deadline of a request (extended when the extension notice came in time). */
    Instant deadline(Instant received, ProvenEvent extension) {
        return Deadlines.withExtension(firstDeadline(received), extendedDeadline(received),
                extension == null ? null : extension.time());
    }

    /**
     * How a request fared under this rule's periods as of {@code asOf}: {@code problem} null when it was answered in
     * time or is not due yet; {@code due} the deadline that applies (the first one for a late extension notice);
     * {@code actual} the late act's time, null when there was none.
     */
    record Timing(String problem, Instant due, Instant actual, boolean answered) {

        String describe() {
            if (problem != null) {
                return problem + " (due " + due + (actual == null ? "" : ", at " + actual) + ")";
            }
            return answered ? "answered in time (due " + due + ")" : "not answered, not yet due (due " + due + ")";
        }
    }

    Timing timing(ProvenEvent received, ProvenEvent ext, ProvenEvent ans, Instant asOf) {
        Instant first = firstDeadline(received.time());
        Instant deadline = deadline(received.time(), ext);
        if (ext != null && ext.time().isAfter(first)) {
            return new Timing("extension notice after the first period", first, ext.time(), ans != null);
        }
        if (ans == null) {
            return new Timing(asOf.isAfter(deadline) ? "not answered by the deadline" : null, deadline, null, false);
        }
        return new Timing(ans.time().isAfter(deadline) ? "answered after the deadline" : null, deadline,
                ans.time().isAfter(deadline) ? ans.time() : null, true);
    }

    static String typeName(int type) {
        return type >= 0 && type < TYPES.length ? TYPES[type] : "UNKNOWN(" + type + ")";
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Map<String, ProvenEvent> extended = Chain.firstBy(f, "RequestExtended", "requestId");
        Map<String, ProvenEvent> answered = Chain.firstBy(f, "RequestAnswered", "requestId");
        for (ProvenEvent r : Chain.requests(f)) {
            if (!coversType(r.intField("requestType"))) {
                continue;
            }
            String id = r.field("requestId");
            ProvenEvent ext = extended.get(id);
            ProvenEvent ans = answered.get(id);
            Timing timing = timing(r, ext, ans, f.asOf());
            if (timing.problem() == null) {
                continue;
            }
            String problem = timing.problem();
            Instant due = timing.due();
            Instant actual = timing.actual();
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("requestId", id);
            objects.put("requestType", typeName(r.intField("requestType")));
            objects.put("declaredRegime", Regimes.regimeName(r.intField("regime")));
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
