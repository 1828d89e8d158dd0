/**
 * Writing to the consortium's contracts with Web3j: deploying the solc-js artifacts that the build puts on the
 * classpath ({@code /contracts/<Name>.abi} and {@code .bin}), sending signed EIP-1559 transactions encoded with
 * {@code FunctionEncoder}, and decoding the contracts' events from receipts by their ABI.
 *
 * <p>No generated wrappers. This package writes; the portal (which only reads) must not depend on it.
 */
package org.custos.consortium.chain;
