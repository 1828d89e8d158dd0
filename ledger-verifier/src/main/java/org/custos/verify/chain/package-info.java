/**
 * Block headers and hash chains: the header field list per fork (Yellow Paper §4.3 plus EIP-1559, EIP-4895,
 * EIP-4844, EIP-4788, EIP-7685), strict parsing of the JSON-RPC {@code eth_getBlockByNumber} form that fails
 * closed on unknown fields, the block hash KEC(RLP(header)) and {@link org.custos.verify.chain.HashChainVerifier}
 * (with the anchoring rule: a checkpoint is proven by its pinned hash alone); block bodies against their roots
 * ({@link org.custos.verify.chain.BlockBodyVerifier}) and the node's metadata that no root commits to, derived and
 * checked or reported unproven ({@link org.custos.verify.chain.DerivedFields}).
 *
 * <p>The node's {@code hash} is only a claim: every hash is recomputed. Consensus-specific hashing (BFT extraData
 * rewriting) plugs in through {@link org.custos.verify.chain.HeaderHasher} from the {@code consensus} package.
 *
 * <p>Depends on the JDK, {@code org.custos.verify} and {@code org.custos.verify.rlp}. Must not depend on
 * {@code consensus} or {@code cli}, nor do I/O, log, or read a clock.
 */
package org.custos.verify.chain;
