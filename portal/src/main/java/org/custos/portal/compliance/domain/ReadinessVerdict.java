package org.custos.portal.compliance.domain;

import java.util.Map;

/**
 * A clinic's readiness for an inspection, from its open current findings and whether a bundle was verified:
 * any open S1 finding: NOT_READY; no verified bundle: NO_EVIDENCE (the bundle rules have not run); any open S2:
 * AT_RISK; otherwise READY (open S3/S4 findings are listed, they do not block).
 */
public enum ReadinessVerdict {
    NOT_READY("Not ready: critical (S1) findings are open."),
    NO_EVIDENCE("Not assessed: no evidence bundle verified yet, the access-log and document rules have not run."),
    AT_RISK("At risk: high (S2) findings are open."),
    READY("Ready: no open critical or high finding.");

    private final String text;

    ReadinessVerdict(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public static ReadinessVerdict of(Map<String, Long> openBySeverity, boolean bundleVerified) {
        if (openBySeverity.getOrDefault("S1", 0L) > 0) {
            return NOT_READY;
        }
        if (!bundleVerified) {
            return NO_EVIDENCE;
        }
        if (openBySeverity.getOrDefault("S2", 0L) > 0) {
            return AT_RISK;
        }
        return READY;
    }
}
