package org.custos.consortium.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Consortium;
import org.custos.consortium.chain.EventDecoder;
import org.custos.consortium.chain.Gas;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Plays a {@link Plan} against a node: deploys the contracts with the admin's key, funds each clinic's writer
 * (when gas costs anything), sends every planned write in order and collects the decoded events. A planned write
 * that reverts is a bug of the simulator and stops the run.
 */
public final class SimulationRun {

    private static final BigInteger WRITER_FUNDING = BigInteger.TEN.pow(18);

    /** The deployment and the events of all planned writes, in the order they were mined. */
    public record Result(Consortium consortium, List<ChainEvent> events) {
        public Result {
            events = List.copyOf(events);
        }
    }

    private SimulationRun() {
    }

    public static Result run(Plan plan, Web3j web3j, ChainWriter admin, long chainId, Gas gas) {
        Consortium consortium = Consortium.deploy(admin);
        EventDecoder decoder = consortium.decoder();
        List<ChainWriter> writers = new ArrayList<>();
        for (SimulatedClinic clinic : plan.clinics()) {
            writers.add(new ChainWriter(web3j, clinic.writer(), chainId, gas));
            if (gas.maxFeePerGas().signum() > 0) {
                require(admin.transfer(clinic.writer().getAddress(), WRITER_FUNDING), "funding of a writer");
            }
        }
        List<ChainEvent> events = new ArrayList<>();
        for (PlannedWrite write : plan.writes()) {
            ChainWriter sender = write.clinic() == PlannedWrite.ADMIN ? admin : writers.get(write.clinic());
            TransactionReceipt receipt = sender.send(address(consortium, write.target()), write.function());
            require(receipt, write.toString());
            events.addAll(decoder.decode(receipt));
        }
        return new Result(consortium, events);
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
