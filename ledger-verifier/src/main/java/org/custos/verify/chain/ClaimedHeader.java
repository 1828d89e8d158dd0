package org.custos.verify.chain;

import java.util.Objects;
import org.custos.verify.Bytes;

/** A header together with the block hash a node claimed for it (JSON-RPC {@code hash}); the claim is checked. */
public record ClaimedHeader(BlockHeader header, Bytes claimedHash) {

    public ClaimedHeader {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(claimedHash, "claimedHash");
    }
}
