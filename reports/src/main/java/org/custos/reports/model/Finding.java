package org.custos.reports.model;

import java.util.Objects;

/**
 * One compliance finding: a catalogue rule, its legal source, severity and status.
 *
 * @param ruleId       catalogue id, e.g. {@code GDPR-ER-01}
 * @param legalSource  e.g. {@code GDPR Art 17(1)}
 * @param status       e.g. {@code open}, {@code resolved}, {@code accepted risk}
 * @param summary      what was found, with the proof used
 * @param statusReason why the status was set (e.g. the officer's justification), or null
 * @param statusSetBy  who set the status (user and role), or null
 * @param evidence     where the facts are on the ledger, e.g. {@code block 123 tx 0x… log 4}, or null
 */
public record Finding(String ruleId, String legalSource, Severity severity, String status, String summary,
                      String statusReason, String statusSetBy, String evidence) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(legalSource, "legalSource");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
    }

    /** A finding without status reason, status setter and evidence location. */
    public Finding(String ruleId, String legalSource, Severity severity, String status, String summary) {
        this(ruleId, legalSource, severity, status, summary, null, null, null);
    }
}
