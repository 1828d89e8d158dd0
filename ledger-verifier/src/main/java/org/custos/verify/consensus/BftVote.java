package org.custos.verify.consensus;

import java.util.Objects;
import org.custos.verify.Bytes;

/**
 * A validator vote carried in BFT extraData: add ({@code 0xff}) or drop ({@code 0x80}, the byte 0x00 as an RLP
 * scalar) {@code recipient}. Besu {@code Vote.ADD_BYTE_VALUE} / {@code DROP_BYTE_VALUE}; GoQuorum
 * {@code QBFTAuthVote} / {@code QBFTDropVote}.
 */
public record BftVote(Bytes recipient, boolean add) {

    public BftVote {
        Objects.requireNonNull(recipient, "recipient");
        if (recipient.length() != 20) {
            throw new IllegalArgumentException("vote recipient must be 20 bytes");
        }
    }
}
