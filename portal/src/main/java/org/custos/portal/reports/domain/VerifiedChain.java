package org.custos.portal.reports.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read access to the portal's verified ledger index, as much as comparing a report's evidence needs. */
public interface VerifiedChain {

    /** The lowest and highest verified block numbers. */
    record Range(long first, long head) {
    }

    /** Empty while nothing is verified. */
    Optional<Range> range();

    /** The verified hashes (lower-case {@code 0x} hex) of those of {@code numbers} that are verified. */
    Map<Long, String> hashes(Collection<Long> numbers);
}
