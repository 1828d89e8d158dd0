package org.custos.consortium.sim;

/** The size of a simulated consortium and the seed that fixes everything else. */
public record SimulationParameters(long seed, int clinics, int patients, int months) {

    public SimulationParameters {
        if (clinics < 1 || patients < 0 || months < 1) {
            throw new IllegalArgumentException("need clinics >= 1, patients >= 0, months >= 1: " + this);
        }
    }
}
