package org.custos.verify.archfixture;

import java.time.Instant;

/** A planted violation: a "verifier" in the core namespace that reads the wall clock. */
public final class PlantedClockReadingVerifier {

    private PlantedClockReadingVerifier() {
    }

    public static boolean expired(long deadlineEpochSeconds) {
        return Instant.now().getEpochSecond() > deadlineEpochSeconds;
    }
}
