package org.custos.portal.compliance.domain.rules;

import java.time.Instant;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.compliance.domain.Severity;

/** GDPR-DSR-01: Art 12(3), one calendar month from receipt, extension by two more with notice inside month one. */
public final class GdprRequestDeadline extends RequestDeadlineRule {

    @Override
    public String id() {
        return "GDPR-DSR-01";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String legalSource() {
        return "GDPR Art 12(3)";
    }

    @Override
    public Severity severity() {
        return Severity.S2;
    }

    @Override
    int regime() {
        return 0;
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
