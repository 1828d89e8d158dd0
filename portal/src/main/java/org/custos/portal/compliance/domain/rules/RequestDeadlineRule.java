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
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.TimeWords;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.EventVocabulary;

/**
 * Data-subject request deadlines: a first period from receipt, one extension whose notice must come inside the
 * first period, an extended period, all as {@link RequestClock} computes them (the one formula, shared with
 * GDPR-ER-01 and the DPO's request queue). A late extension notice, a late answer, or no answer once the deadline has
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

    static final String[] TYPES = EventVocabulary.REQUEST_TYPE.members().toArray(String[]::new);

    private final String id;
    private final String legalSource;
    private final Severity severity;
    private final int regime;
    private final int requestType;
    private final RequestClock clock;

    /**
     * @param regime      the rule's regime, as a RequestReceived code (0 GDPR, 1 UK_GDPR, 2 HIPAA)
     * @param requestType the request type the rule covers (0..3), or -1 for every type
     */
    RequestDeadlineRule(String id, String legalSource, Severity severity, int regime, int requestType,
                        RequestClock clock) {
        this.id = id;
        this.legalSource = legalSource;
        this.severity = severity;
        this.regime = regime;
        this.requestType = requestType;
        this.clock = clock;
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

    /** Whether the rule's regime binds a clinic of this profile (establishment, HIPAA declaration). */
    @Override
    public boolean appliesTo(Regimes regimes) {
        return regimes.binds(regime);
    }

    /**
     * How a request fared under this rule's clock as of {@code asOf} ({@link RequestClock#timing}): {@code problem()}
     * null when it was answered in time or is not due yet; {@code deadline()} the deadline that applies (the first one
     * for a late extension notice); {@code actual()} the late act's time, null when there was none.
     */
    RequestClock.Timing timing(ProvenEvent received, ProvenEvent ext, ProvenEvent ans, Instant asOf) {
        return clock.timing(received.time(), ext == null ? null : ext.time(), ans == null ? null : ans.time(), asOf);
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
            RequestClock.Timing timing = timing(r, ext, ans, f.asOf());
            if (timing.problem() == null) {
                continue;
            }
            String problem = timing.problem();
            Instant due = timing.deadline();
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
                    + ": " + problem + " (due " + TimeWords.of(due) + ")", objects, ev, due, actual));
        }
    }
}
