package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;

/** HIPAA-ACC-01: 45 CFR 164.524(b)(2), 30 days, one extension of 30 with notice inside the first 30. */
public final class HipaaAccessDeadline extends RequestDeadlineRule {

    @Override
    public String id() {
        return "HIPAA-ACC-01";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String legalSource() {
        return "45 CFR 164.524(b)(2)";
    }

    @Override
    public Severity severity() {
        return Severity.S2;
    }

    @Override
    int regime() {
        return 2;
    }

    @Override
    boolean coversType(int requestType) {
        return requestType == 0;
    }

    @Override
    Instant firstDeadline(Instant received) {
        return Deadlines.plusDays(received, 30);
    }

    @Override
    Instant extendedDeadline(Instant received) {
        return Deadlines.plusDays(received, 60);
    }
}
