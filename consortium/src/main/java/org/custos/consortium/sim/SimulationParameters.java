package org.custos.consortium.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The size of a simulated consortium, the seed that fixes everything else, and the violations to plant: a rate in
 * [0, 1] per violation kind (absent or 0 = off), the probability that an opportunity for it becomes a violation.
 * The last {@code cleanClinics} clinics never get a violation.
 */
public record SimulationParameters(long seed, int clinics, int patients, int months, Map<Violation, Double> rates,
                                   int cleanClinics) {

    public SimulationParameters {
        if (clinics < 1 || patients < 0 || months < 1 || cleanClinics < 0 || cleanClinics > clinics) {
            throw new IllegalArgumentException("need clinics >= 1, patients >= 0, months >= 1, "
                    + "0 <= cleanClinics <= clinics: " + seed + "/" + clinics + "/" + patients + "/" + months);
        }
        EnumMap<Violation, Double> copy = new EnumMap<>(Violation.class);
        rates.forEach((kind, rate) -> {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate of " + kind + " not in [0, 1]: " + rate);
            }
            copy.put(kind, rate);
        });
        rates = Collections.unmodifiableMap(copy);
    }

    /** No violations, one clean clinic (all of them when there is only one). */
    public SimulationParameters(long seed, int clinics, int patients, int months) {
        this(seed, clinics, patients, months, Map.of(), 1);
    }

    public double rate(Violation kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** Every violation kind at the given rate. */
    public static Map<Violation, Double> all(double rate) {
        EnumMap<Violation, Double> rates = new EnumMap<>(Violation.class);
        for (Violation kind : Violation.values()) {
            rates.put(kind, rate);
        }
        return rates;
    }
}
