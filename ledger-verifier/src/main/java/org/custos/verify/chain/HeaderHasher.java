package org.custos.verify.chain;

import org.custos.verify.Bytes;
import org.custos.verify.Hashes;

/**
 * How a chain computes the block hash that the next header's parentHash commits to.
 * {@link #ETHEREUM} is KEC(RLP(header)) (Yellow Paper §4.3, also Clique, EIP-225); BFT chains rewrite extraData
 * first (see {@code org.custos.verify.consensus}).
 */
@FunctionalInterface
public interface HeaderHasher {

    /** Yellow Paper §4.3: the block hash is the Keccak-256 hash of the RLP of the full header. */
    HeaderHasher ETHEREUM = header -> Bytes.of(Hashes.keccak256(header.rlp()));

    Bytes hash(BlockHeader header);
}
