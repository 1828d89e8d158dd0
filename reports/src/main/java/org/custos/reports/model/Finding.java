package org.custos.reports.model;

import java.util.Objects;

/**
 * One compliance finding: a catalogue rule, its legal source, severity and status.
 *
 * @param ruleId      catalogue id, e.g. {@code GDPR-ER-01}
 * @param legalSource e.g. {@code GDPR Art 17(1)}
 * @param status      e.g. {@code open}, {@code resolved}, {@code accepted risk}
 * @param summary     what was found, with the proof used
 */
public record Finding(String ruleId, String legalSource, Severity severity, String status, String summary) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(legalSource, "legalSource");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
    }
}
