package org.custos.consortium.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Consortium;
import org.custos.consortium.chain.EventDecoder;
import org.custos.consortium.chain.Gas;
import org.custos.consortium.chain.TimeControl;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Plays a {@link Plan} against a development node with time control (anvil): sets the clock to a day before
 * {@link Simulator#START}, deploys the contracts with the admin's key, funds each clinic's writer (when gas costs
 * anything), then sends every planned write in order, each mined in its own block at the write's timestamp, and
 * collects the receipts and decoded events. A planned write that reverts is a bug of the simulator and stops the
 * run. The node's head must be older than that day (anvil: {@code --timestamp}).
 */
public final class SimulationRun {

    private static final BigInteger WRITER_FUNDING = BigInteger.TEN.pow(18);
    private static final long SETUP_TIME = Simulator.START - 24 * 3600;

    /** The deployment, the receipt of each planned write (same order) and the events of all planned writes. */
    public record Result(Consortium consortium, List<TransactionReceipt> receipts, List<ChainEvent> events) {
        public Result {
            receipts = List.copyOf(receipts);
            events = List.copyOf(events);
        }
    }

    private SimulationRun() {
    }

    public static Result run(Plan plan, Web3jService service, ChainWriter admin, long chainId, Gas gas) {
        return run(plan, service, admin, chainId, gas, null, null);
    }

    /** When the {@link LedgerLeaks} cases are sent: an hour after the setup, a minute apart. */
    public static final long LEAKS_TIME = SETUP_TIME + 3600;

    /**
     * As {@link #run(Plan, Web3jService, ChainWriter, long, Gas)}, and when {@code leaks} is given, sends those
     * cases after the funding and before the planned writes ({@link LedgerLeaks#send}), their receipts added to
     * {@code leakReceipts}.
     */
    public static Result run(Plan plan, Web3jService service, ChainWriter admin, long chainId, Gas gas,
                             List<LedgerLeaks.Leak> leaks, List<TransactionReceipt> leakReceipts) {
        Web3j web3j = Web3j.build(service);
        TimeControl clock = new TimeControl(service);
        long head = clock.headTimestamp();
        if (head >= SETUP_TIME) {
            throw new IllegalStateException("the node's head block (" + head + ") is not before the simulated "
                    + "setup time " + SETUP_TIME + ": start a fresh anvil with --timestamp " + (SETUP_TIME - 86400));
        }
        clock.setNextBlockTimestamp(SETUP_TIME);
        Consortium consortium = Consortium.deploy(admin);
        EventDecoder decoder = consortium.decoder();
        List<ChainWriter> writers = new ArrayList<>();
        for (SimulatedClinic clinic : plan.clinics()) {
            writers.add(new ChainWriter(web3j, clinic.writer(), chainId, gas));
            if (gas.maxFeePerGas().signum() > 0) {
                require(admin.transfer(clinic.writer().getAddress(), WRITER_FUNDING), "funding of a writer");
            }
        }
        if (leaks != null) {
            leakReceipts.addAll(LedgerLeaks.send(leaks, admin, writers, clock, LEAKS_TIME));
        }
        List<TransactionReceipt> receipts = new ArrayList<>();
        List<ChainEvent> events = new ArrayList<>();
        for (PlannedWrite write : plan.writes()) {
            ChainWriter sender = write.clinic() == PlannedWrite.ADMIN ? admin : writers.get(write.clinic());
            clock.setNextBlockTimestamp(write.timestamp());
            TransactionReceipt receipt = sender.send(address(consortium, write.target()), write.function());
            require(receipt, write.toString());
            receipts.add(receipt);
            events.addAll(decoder.decode(receipt));
        }
        return new Result(consortium, receipts, events);
    }

    private static String address(Consortium consortium, PlannedWrite.Target target) {
        return switch (target) {
            case REGISTRY -> consortium.registry();
            case RECORDS -> consortium.records();
            case ACCOUNTABILITY -> consortium.accountability();
        };
    }

    private static void require(TransactionReceipt receipt, String what) {
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException(what + " reverted in tx " + receipt.getTransactionHash());
        }
    }
}
