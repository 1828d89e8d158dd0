package org.custos.reports.archfixture;

import java.time.Instant;

/** Reads the system clock instead of an injected Clock: must break the rule. */
public final class PlantedClockReadingRenderer {

    public String stamp() {
        return Instant.now().toString();
    }
}
