package org.custos.portal.compliance.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule's result for one object of one clinic. {@link #key()} identifies it stably across re-evaluations (rule id,
 * clinic and the object's own id: a request, a breach, an entry path, a checkpoint transaction), so re-evaluating
 * the same inputs gives the same keys and a stored finding keeps its status.
 */
public record Finding(String ruleId, int ruleVersion, String legalSource, Severity severity, String clinicId,
                      String objectKey, String summary, Map<String, String> objects, List<EvidenceRef> evidence,
                      Instant deadline, Instant actual) {

    public Finding {
        objects = Collections.unmodifiableMap(new TreeMap<>(objects));
        evidence = List.copyOf(evidence);
    }

    public String key() {
        return ruleId + "|" + clinicId + "|" + objectKey;
    }
}
