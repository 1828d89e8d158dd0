package org.custos.consortium.sim;

import java.util.List;
import java.util.Map;

/**
 * A planted violation: its kind (and so rule id), the clinic, the objects involved (ids as 0x-hex, by name), the
 * writes involved (indexes into {@link Plan#writes()}, by role), the legal deadline and the actual time (epoch
 * seconds; -1 where none applies; actual = -1 also when the required act never happened).
 */
public record PlannedViolation(Violation kind, int clinic, Map<String, String> objects, List<Ref> writes,
                               long deadline, long actual) {

    public PlannedViolation {
        objects = Map.copyOf(objects);
        writes = List.copyOf(writes);
    }

    /** One write of the violation and what it is in it (e.g. "received", "keyDestroyed"). */
    public record Ref(String role, int write) {
    }
}
