package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;

/**
 * UK-DSR-01: UK GDPR Art 12A, one month from the latest of receipt, ID verification and fee, plus paused time,
 * +2 months for complexity. The consortium anchors only receipt, extension and answer (no IdVerified or
 * clarification events), so the clock runs from receipt without pauses: the strictest reading.
 */
public final class UkRequestDeadline extends RequestDeadlineRule {

    @Override
    public String id() {
        return "UK-DSR-01";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String legalSource() {
        return "UK GDPR Art 12A; DPA 2018 s.54(3A)-(3D)";
    }

    @Override
    public Severity severity() {
        return Severity.S2;
    }

    @Override
    int regime() {
        return 1;
    }

    @Override
    boolean coversType(int requestType) {
        return true;
    }

    @Override
    Instant firstDeadline(Instant received) {
        return Deadlines.plusMonths(received, 1);
    }

    @Override
    Instant extendedDeadline(Instant received) {
        return Deadlines.plusMonths(received, 3);
    }
}
