package org.custos.consortium.sim;

import java.util.List;
import java.util.Map;

/**
 * A violation while planning: the writes it involves (by role), and how to compute its deadline (a number of
 * calendar months after a write's final time, or a fixed time, -1 = none) and actual time (a write's final time,
 * null = never happened).
 */
record DraftViolation(Violation kind, int clinic, Map<String, String> objects, List<String> roles,
                      List<Draft> drafts, Draft deadlineFrom, int deadlineMonths, long fixedDeadline, Draft actual) {
}
