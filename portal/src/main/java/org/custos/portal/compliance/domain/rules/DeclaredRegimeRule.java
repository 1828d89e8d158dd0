package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * A request whose declared regime ({@code RequestReceived.regime}, the clinic's own label) does not bind the clinic
 * by its profile ({@link Regimes#binds}): one finding per such request, instead of applying the declared regime's
 * deadline rule or dropping the request silently. The deadline rules follow the profile ({@link
 * RequestDeadlineRule}); the finding names the rules the profile applied to the request and says how the request
 * fared under the deadline rule of the regime it declares, so a regulator who finds that regime does bind the
 * clinic (GDPR Art 3(2), a wrong HIPAA declaration) has the timing at hand. Each subclass judges some regime codes.
 */
abstract class DeclaredRegimeRule extends Rule {

    private static final List<RequestDeadlineRule> DEADLINES = List.of(new GdprRequestDeadline(),
            new UkRequestDeadline(), new HipaaAccessDeadline(), new HipaaAccountingDeadline());

    private final String id;
    private final String legalSource;
    private final Severity severity;

    DeclaredRegimeRule(String id, String legalSource, Severity severity) {
        this.id = id;
        this.legalSource = legalSource;
        this.severity = severity;
    }

    /** Whether this rule judges requests that declare regime code {@code regime}. */
    abstract boolean judges(int regime);

    /** Why the declared regime does not bind a clinic of this profile, as a clause of the finding's summary. */
    abstract String why(int regime, Regimes profile);

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

    /** Every clinic with a profile: the check is the comparison of each request with that profile. */
    @Override
    public boolean appliesTo(Regimes regimes) {
        return true;
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        Regimes profile = f.regimes().orElse(null);
        if (profile == null) {
            return;
        }
        Map<String, ProvenEvent> extended = Chain.firstBy(f, "RequestExtended", "requestId");
        Map<String, ProvenEvent> answered = Chain.firstBy(f, "RequestAnswered", "requestId");
        for (ProvenEvent r : Chain.requests(f)) {
            int regime = r.intField("regime");
            if (!judges(regime) || profile.binds(regime)) {
                continue;
            }
            int type = r.intField("requestType");
            String requestId = r.field("requestId");
            ProvenEvent ext = extended.get(requestId);
            ProvenEvent ans = answered.get(requestId);
            List<String> applied = new ArrayList<>();
            String underDeclared = null;
            for (RequestDeadlineRule d : DEADLINES) {
                if (!d.coversType(type)) {
                    continue;
                }
                if (d.appliesTo(profile)) {
                    applied.add(d.id());
                }
                if (d.regime() == regime && underDeclared == null) {
                    underDeclared = d.id() + ": " + d.timing(r, ext, ans, f.asOf()).describe();
                }
            }
            String typeName = RequestDeadlineRule.typeName(type);
            Map<String, String> objects = new TreeMap<>();
            objects.put("requestId", requestId);
            objects.put("requestType", typeName);
            objects.put("declaredRegime", Regimes.regimeName(regime));
            objects.put("jurisdiction", profile.jurisdiction());
            objects.put("hipaaCoveredEntity", Boolean.toString(profile.hipaaCoveredEntity()));
            objects.put("rulesApplied", applied.isEmpty() ? "none" : String.join(",", applied));
            objects.put("underDeclaredRegime", underDeclared == null
                    ? "no deadline rule of that regime for this request type" : underDeclared);
            List<EvidenceRef> ev = new ArrayList<>(List.of(EvidenceRef.event("requestReceived", r)));
            f.profileEvent().ifPresent(p -> ev.add(EvidenceRef.event("clinicProfile", p)));
            out.add(finding(f, "requestId:" + requestId, "Request " + typeName.toLowerCase() + " declared under "
                    + Regimes.regimeName(regime) + " at a clinic " + why(regime, profile) + "; deadline rules applied "
                    + "by the profile: " + objects.get("rulesApplied") + "; under the declared regime: "
                    + objects.get("underDeclaredRegime"), objects, ev, null, null));
        }
    }
}
