package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;
import org.junit.jupiter.api.Test;

/** Malformed BFT extraData throws {@link MalformedExtraDataException}; it is never guessed at. */
class BftExtraDataStrictnessTest {

    private static final RlpItem VANITY = RlpString.of(new byte[32]);
    private static final RlpItem VALIDATORS = RlpList.of(RlpString.of(new byte[20]));
    private static final RlpItem NO_SEALS = new RlpList(List.of());

    @Test
    void wellFormedBaselinesDecode() {
        assertThat(BftVariant.QBFT.decode(qbft(new RlpList(List.of()), RlpString.ofScalar(7))).round()).isEqualTo(7);
        assertThat(BftVariant.IBFT2.decode(ibft2(RlpString.empty(), RlpString.of(new byte[] {0, 0, 1, 0})))
                .round()).isEqualTo(256);
    }

    @Test
    void qbftRejects() {
        RlpItem noVote = new RlpList(List.of());
        assertMalformed(BftVariant.QBFT, encode(VANITY, VALIDATORS, noVote, RlpString.empty()));   // 4 items
        assertMalformed(BftVariant.QBFT, qbft(noVote, RlpString.of(new byte[] {0, 1})));          // leading zero
        assertMalformed(BftVariant.QBFT, qbft(noVote, RlpString.of(new byte[5])));                 // > 4 bytes
        assertMalformed(BftVariant.QBFT, qbft(RlpString.empty(), RlpString.empty()));              // IBFT2 null vote
        assertMalformed(BftVariant.QBFT, qbft(vote(new byte[] {1}), RlpString.empty()));           // vote type 0x01
        assertMalformed(BftVariant.QBFT, qbft(RlpList.of(RlpString.of(new byte[19]), RlpString.empty()),
                RlpString.empty()));                                                               // recipient 19 bytes
        assertMalformed(BftVariant.QBFT, encode(RlpString.of(new byte[31]), VALIDATORS, noVote, RlpString.empty(),
                NO_SEALS));                                                                        // vanity 31 bytes
        assertMalformed(BftVariant.QBFT, encode(VANITY, RlpList.of(RlpString.of(new byte[21])), noVote,
                RlpString.empty(), NO_SEALS));                                                     // address 21 bytes
        assertMalformed(BftVariant.QBFT, encode(VANITY, VALIDATORS, noVote, RlpString.empty(),
                RlpList.of(RlpString.of(new byte[64]))));                                          // seal 64 bytes
        assertMalformed(BftVariant.QBFT, Bytes.fromHex("0x80"));                                   // not a list
        assertMalformed(BftVariant.QBFT, Bytes.fromHex("0xc2"));                                   // not RLP
    }

    @Test
    void ibft2Rejects() {
        assertMalformed(BftVariant.IBFT2, ibft2(RlpString.empty(), RlpString.empty()));            // QBFT round 0
        assertMalformed(BftVariant.IBFT2, ibft2(RlpString.empty(), RlpString.of(new byte[5])));
        assertMalformed(BftVariant.IBFT2, ibft2(new RlpList(List.of()), RlpString.of(new byte[4]))); // QBFT no vote
    }

    @Test
    void votesDecodeAsAddAndDrop() {
        assertThat(BftVariant.QBFT.decode(qbft(vote(new byte[] {(byte) 0xff}), RlpString.empty())).vote())
                .contains(new BftVote(Bytes.of(new byte[20]), true));
        assertThat(BftVariant.IBFT2.decode(ibft2(vote(new byte[0]), RlpString.of(new byte[4]))).vote())
                .contains(new BftVote(Bytes.of(new byte[20]), false));
    }

    private static RlpItem vote(byte[] type) {
        return RlpList.of(RlpString.of(new byte[20]), RlpString.of(type));
    }

    private static Bytes qbft(RlpItem vote, RlpItem round) {
        return encode(VANITY, VALIDATORS, vote, round, NO_SEALS);
    }

    private static Bytes ibft2(RlpItem vote, RlpItem round) {
        return encode(VANITY, VALIDATORS, vote, round, NO_SEALS);
    }

    private static Bytes encode(RlpItem... items) {
        return Bytes.of(Rlp.encode(new RlpList(new ArrayList<>(List.of(items)))));
    }

    private static void assertMalformed(BftVariant variant, Bytes extra) {
        assertThatThrownBy(() -> variant.decode(extra)).as(extra.toHex())
                .isInstanceOf(MalformedExtraDataException.class);
    }
}
