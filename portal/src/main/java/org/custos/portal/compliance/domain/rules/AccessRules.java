package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.evidence.domain.ProvenEvent;

/** Consent lookups for access-log entries: grants and revocations per (subject, purpose). */
final class AccessRules {

    private final Map<String, List<ProvenEvent>> grants = new HashMap<>();
    private final Map<String, ProvenEvent> revoked = new HashMap<>();

    AccessRules(ClinicFacts f) {
        for (ProvenEvent g : f.events("ConsentGranted")) {
            grants.computeIfAbsent(g.field("subjectPseudonym") + "/" + g.field("purposeId"), k -> new ArrayList<>())
                    .add(g);
        }
        for (ProvenEvent r : f.events("ConsentRevoked")) {
            revoked.putIfAbsent(r.field("consentId"), r);
        }
    }

    /** Grants for (subject, purpose) made at or before {@code at} and not expired then. */
    List<ProvenEvent> grantsBefore(String subject, int purpose, long at) {
        List<ProvenEvent> out = new ArrayList<>();
        for (ProvenEvent g : grants.getOrDefault(subject + "/" + purpose, List.of())) {
            long expiry = g.longField("expiry");
            if (g.epoch() <= at && (expiry == 0 || expiry > at)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The revocation of {@code consentId} at or before {@code at}, or null. */
    ProvenEvent revokedBy(String consentId, long at) {
        ProvenEvent r = revoked.get(consentId);
        return r != null && r.epoch() <= at ? r : null;
    }

    static Set<String> ids(List<ProvenEvent> events, String field) {
        Set<String> out = new HashSet<>();
        events.forEach(e -> out.add(e.field(field)));
        return out;
    }
}
