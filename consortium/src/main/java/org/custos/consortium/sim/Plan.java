package org.custos.consortium.sim;

import java.util.List;

/**
 * A simulated history before it meets a node: the clinics (with their off-chain side), the writes in time order
 * (strictly increasing timestamps) and the violations planted in them.
 */
public record Plan(SimulationParameters parameters, List<SimulatedClinic> clinics, List<PlannedWrite> writes,
                   List<PlannedViolation> violations) {

    public Plan {
        clinics = List.copyOf(clinics);
        writes = List.copyOf(writes);
        violations = List.copyOf(violations);
    }
}
