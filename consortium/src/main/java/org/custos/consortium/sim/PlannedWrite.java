package org.custos.consortium.sim;

import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;

/**
 * One transaction of the plan: who sends it (a clinic's writer, or the admin when clinic is -1), to which contract,
 * and the block timestamp (epoch seconds) it is mined at.
 */
public record PlannedWrite(int clinic, Target target, Function function, long timestamp) {

    public static final int ADMIN = -1;

    public enum Target { REGISTRY, RECORDS, ACCOUNTABILITY }

    /** The call data; two writes are the same write when target, sender, time and call data are. */
    public String callData() {
        return FunctionEncoder.encode(function);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlannedWrite write && write.clinic == clinic && write.target == target
                && write.timestamp == timestamp && write.callData().equals(callData());
    }

    @Override
    public int hashCode() {
        return Objects.hash(clinic, target, timestamp, callData());
    }

    @Override
    public String toString() {
        return (clinic == ADMIN ? "admin" : "clinic " + clinic) + " @" + timestamp + " -> " + target + " "
                + function.getName() + " " + callData();
    }
}
