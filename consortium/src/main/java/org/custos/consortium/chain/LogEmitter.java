package org.custos.consortium.chain;

/**
 * A contract outside the consortium, for ordinary traffic in tests and benchmarks and for the simulator's planted
 * personal data in logs: every call emits one log, {@code LOG2(topic1 = the first 32 bytes of the calldata, topic2 =
 * the caller, data = the whole calldata)}, and returns nothing. Hand-assembled for EVM london (no PUSH0), 15 bytes:
 *
 * <pre>
 * 36 CALLDATASIZE  6000 PUSH1 0  6000 PUSH1 0  37 CALLDATACOPY     memory[0..size) = calldata
 * 33 CALLER  6000 PUSH1 0  35 CALLDATALOAD  36 CALLDATASIZE  6000 PUSH1 0  a2 LOG2  00 STOP
 * </pre>
 * The creation code copies these 15 bytes from behind itself and returns them.
 */
public final class LogEmitter {

    /** The deployed code. */
    public static final String RUNTIME = "36600060003733600035366000a200";

    /** Creation code: CODECOPY(0, 12, 15), RETURN(0, 15), then {@link #RUNTIME}. */
    public static final String CREATION = "600f600c600039600f6000f3" + RUNTIME;

    private LogEmitter() {
    }
}
