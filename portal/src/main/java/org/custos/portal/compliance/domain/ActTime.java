package org.custos.portal.compliance.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When the act a finding is about happened, for the dashboard's month chart, its date column and its sorting
 * (column {@code act_time}, migration V14): the act's own time when the rule records one ({@link Finding#actual()}),
 * else its deadline, else the block time of the first proven event the finding cites (a disclosure, a request, a
 * cleartext field: rules such as HIPAA-AOD-01 and GDPR-MIN-01 record neither an actual time nor a deadline), else
 * null (the dashboard then falls back to when the finding was first seen).
 */
public final class ActTime {

    private ActTime() {
    }

    public static Instant of(Finding f) {
        if (f.actual() != null) {
            return f.actual();
        }
        if (f.deadline() != null) {
            return f.deadline();
        }
        for (EvidenceRef e : f.evidence()) {
            if (e.block() != null && e.time() != null) {
                try {
                    return Instant.parse(e.time());
                } catch (DateTimeParseException notATime) {
                    // an evidence time that is not ISO-8601 is no act time; try the next proof
                }
            }
        }
        return null;
    }
}
