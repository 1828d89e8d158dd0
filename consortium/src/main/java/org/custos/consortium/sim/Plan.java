package org.custos.consortium.sim;

import java.util.List;

/** A simulated history before it meets a node: the clinics (with their off-chain side) and the writes, in order. */
public record Plan(SimulationParameters parameters, List<SimulatedClinic> clinics, List<PlannedWrite> writes) {

    public Plan {
        clinics = List.copyOf(clinics);
        writes = List.copyOf(writes);
    }
}
