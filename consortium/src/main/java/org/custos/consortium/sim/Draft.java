package org.custos.consortium.sim;

import org.custos.consortium.sim.PlannedWrite.Target;
import org.web3j.abi.datatypes.Function;

/** A write while planning: who sends it, to which contract, its intended time and a sequence number breaking ties. */
final class Draft {
    final int clinic;
    final Target target;
    /** Set late for writes whose content depends on the assembled access log (checkpoints, reviews). */
    Function function;
    final long time;
    final int seq;

    Draft(int clinic, Target target, Function function, long time, int seq) {
        this.clinic = clinic;
        this.target = target;
        this.function = function;
        this.time = time;
        this.seq = seq;
    }
}
