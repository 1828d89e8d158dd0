package org.custos.consortium.chain;

import java.math.BigInteger;

/**
 * Fees and gas limit of every EIP-1559 transaction the writer sends. Fixed on purpose: no estimation, so that a
 * call the contract refuses is still mined (status 0) instead of failing in {@code eth_estimateGas}.
 */
public record Gas(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, BigInteger callLimit,
                  BigInteger deployLimit) {

    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    /** anvil (London): base fee starts at 1 gwei and falls on near-empty blocks. */
    public static final Gas ANVIL = new Gas(GWEI, GWEI.multiply(BigInteger.valueOf(10)), BigInteger.valueOf(500_000),
            BigInteger.valueOf(3_000_000));

    /** Besu QBFT consortium networks usually run with a zero minimum gas price. */
    public static final Gas FREE = new Gas(BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(500_000),
            BigInteger.valueOf(3_000_000));
}
