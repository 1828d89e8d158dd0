package org.custos.consortium.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A violation while planning: the objects involved (may still be completed, e.g. log indexes once the log is
 * assembled), the writes it involves (by role), and how to compute its deadline (a number of calendar months plus
 * seconds after a write's final time, or a fixed time, -1 = none) and actual time (a write's final time, or a fixed
 * time, -1 = never happened).
 */
record DraftViolation(Violation kind, int clinic, Map<String, String> objects, List<String> roles,
                      List<Draft> drafts, Draft deadlineFrom, int deadlineMonths, long deadlineOffset,
                      long fixedDeadline, Draft actual, long fixedActual) {

    DraftViolation {
        objects = new LinkedHashMap<>(objects);
        roles = new ArrayList<>(roles);
        drafts = new ArrayList<>(drafts);
    }

    DraftViolation(Violation kind, int clinic, Map<String, String> objects, List<String> roles, List<Draft> drafts,
                   Draft deadlineFrom, int deadlineMonths, long fixedDeadline, Draft actual) {
        this(kind, clinic, objects, roles, drafts, deadlineFrom, deadlineMonths, 0, fixedDeadline, actual, -1);
    }

    /** Adds a write the violation involves. */
    void add(String role, Draft draft) {
        roles.add(role);
        drafts.add(draft);
    }
}
