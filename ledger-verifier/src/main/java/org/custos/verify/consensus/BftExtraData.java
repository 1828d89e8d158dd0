package org.custos.verify.consensus;

import java.util.List;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.rlp.RlpList;

/**
 * Decoded BFT extraData {@code RLP([vanity, validators, vote, round, seals])} (Besu {@code BftExtraData}).
 * Built only by {@link BftVariant#decode}, which checks the exact layout; {@code raw} keeps the decoded items so
 * that the hashing forms re-use the original bytes.
 *
 * @param vanity     32 bytes
 * @param validators 20-byte addresses, in the order the block lists them
 * @param vote       the vote, if any
 * @param round      the consensus round the block was committed in
 * @param seals      65-byte commit seals {@code r ‖ s ‖ recId}
 * @param raw        the decoded 5-item list
 */
public record BftExtraData(Bytes vanity, List<Bytes> validators, Optional<BftVote> vote, long round,
                           List<Bytes> seals, RlpList raw) {

    public BftExtraData {
        validators = List.copyOf(validators);
        seals = List.copyOf(seals);
    }
}
