package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;

/** HIPAA-AOD-02: 45 CFR 164.528(c), 60 days, one extension of 30 with notice inside the first 60. */
public final class HipaaAccountingDeadline extends RequestDeadlineRule {

    @Override
    public String id() {
        return "HIPAA-AOD-02";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String legalSource() {
        return "45 CFR 164.528(c)";
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
        return requestType == 3;
    }

    @Override
    Instant firstDeadline(Instant received) {
        return Deadlines.plusDays(received, 60);
    }

    @Override
    Instant extendedDeadline(Instant received) {
        return Deadlines.plusDays(received, 90);
    }
}
