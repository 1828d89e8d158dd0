package org.custos.consortium.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.VoidResponse;

/**
 * Block time control of a development node (anvil, Hardhat): {@code evm_setNextBlockTimestamp} fixes the
 * timestamp of the next mined block; with automine every transaction is its own block.
 */
public final class TimeControl {

    private final Web3jService service;

    public TimeControl(Web3jService service) {
        this.service = service;
    }

    /** The next block is mined at exactly this time (epoch seconds); it must be later than the head's. */
    public void setNextBlockTimestamp(long epochSeconds) {
        try {
            VoidResponse response = new Request<>("evm_setNextBlockTimestamp", List.of(epochSeconds), service,
                    VoidResponse.class).send();
            if (response.hasError()) {
                throw new IllegalStateException("evm_setNextBlockTimestamp(" + epochSeconds + ") refused: "
                        + response.getError().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The timestamp of the latest block. */
    public long headTimestamp() {
        try {
            EthBlock block = new Request<>("eth_getBlockByNumber",
                    List.of(DefaultBlockParameterName.LATEST.getValue(), false), service, EthBlock.class).send();
            return block.getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
