/**
 * Consensus-specific rules. So far: the onchain block hash of Besu QBFT and IBFT 2.0 blocks, which is computed
 * over a header whose extraData has the commit seals (and for IBFT 2.0 the round) removed. Seal recovery,
 * quorum and validator-set checks are not implemented yet.
 *
 * <p>Depends on the JDK, {@code org.custos.verify}, {@code .rlp} and {@code .chain}. Must not do I/O, log, or
 * read a clock.
 */
package org.custos.verify.consensus;
