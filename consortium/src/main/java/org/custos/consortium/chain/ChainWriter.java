package org.custos.consortium.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * Sends one account's signed EIP-1559 transactions and waits for their receipts (polled every 100 ms). A
 * transaction the node rejects outright throws; a transaction that is mined but reverts returns its receipt with
 * status 0, for the caller to judge.
 */
public final class ChainWriter {

    private static final int POLL_MILLIS = 100;
    private static final int POLL_ATTEMPTS = 600;

    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;
    private final Gas gas;
    private final RawTransactionManager transactions;
    private final TransactionReceiptProcessor receipts;

    public ChainWriter(Web3j web3j, Credentials credentials, long chainId, Gas gas) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.chainId = chainId;
        this.gas = gas;
        this.receipts = new PollingTransactionReceiptProcessor(web3j, POLL_MILLIS, POLL_ATTEMPTS);
        this.transactions = new RawTransactionManager(web3j, credentials, chainId, receipts);
    }

    public String address() {
        return credentials.getAddress();
    }

    /** Deploys a contract; returns its address. Fails if the creation reverts. */
    public String deploy(ContractArtifact artifact, Type<?>... constructorArguments) {
        String data = artifact.bytecode() + FunctionEncoder.encodeConstructor(Arrays.asList(constructorArguments));
        TransactionReceipt receipt = submit("", data, BigInteger.ZERO, gas.deployLimit(), true);
        if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
            throw new IllegalStateException("deployment of " + artifact.name() + " failed: status "
                    + receipt.getStatus() + " in tx " + receipt.getTransactionHash());
        }
        return receipt.getContractAddress();
    }

    /** Calls a state-changing function; the receipt's status says whether the contract accepted it. */
    public TransactionReceipt send(String contract, Function function) {
        return submit(contract, FunctionEncoder.encode(function), BigInteger.ZERO, gas.callLimit(), false);
    }

    /**
     * Sends raw data: a call with any input to any address, or, with {@code to} null, a contract creation with
     * {@code data} as its code (the simulator's planted personal data outside the consortium's contracts).
     */
    public TransactionReceipt sendData(String to, String data) {
        return to == null ? submit("", data, BigInteger.ZERO, gas.deployLimit(), true)
                : submit(to, data, BigInteger.ZERO, gas.callLimit(), false);
    }

    /** Sends ether (for example to fund a writer account). */
    public TransactionReceipt transfer(String to, BigInteger wei) {
        return submit(to, "0x", wei, BigInteger.valueOf(21_000), false);
    }

    /** Reads a view function at the latest block. */
    public List<Type> call(String contract, Function function) {
        try {
            String result = web3j.ethCall(Transaction.createEthCallTransaction(address(), contract,
                    FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send().getValue();
            return FunctionReturnDecoder.decode(result, function.getOutputParameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TransactionReceipt submit(String to, String data, BigInteger value, BigInteger gasLimit,
                                      boolean creation) {
        try {
            EthSendTransaction sent = transactions.sendEIP1559Transaction(chainId, gas.maxPriorityFeePerGas(),
                    gas.maxFeePerGas(), gasLimit, to, data, value, creation);
            if (sent.hasError()) {
                throw new IllegalStateException("node rejected the transaction from " + address() + ": "
                        + sent.getError().getMessage());
            }
            return receipts.waitForTransactionReceipt(sent.getTransactionHash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TransactionException e) {
            throw new IllegalStateException("no receipt: " + e.getMessage(), e);
        }
    }
}
