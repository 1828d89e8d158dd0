package org.custos.verify.consensus;

import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.rlp.MalformedRlpException;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * The block hash of Besu BFT chains: KEC(RLP(header)) with extraData rewritten first, so that the hash does not
 * depend on the commit seals. Genesis (block 0) is hashed with its extraData unchanged.
 *
 * <p>Sources: Besu {@code BftBlockHashing.calculateHashOfBftBlockOnchain} with
 * {@code EXCLUDE_COMMIT_SEALS_AND_ROUND_NUMBER}; {@code QbftExtraDataCodec} and {@code IbftExtraDataCodec}
 * (extraData = RLP([vanity, validators, vote, round, seals])); GoQuorum {@code QBFTFilteredHeaderWithRound(h, 0)}.
 */
public final class BftHeaderHashers {

    private BftHeaderHashers() {
    }

    /** QBFT: extraData becomes RLP([vanity, validators, vote, 0x80 (round 0), 0xc0 (no seals)]). */
    public static HeaderHasher qbft() {
        return header -> hashWithExtra(header, extra -> List.of(extra.get(0), extra.get(1), extra.get(2),
                RlpString.empty(), new RlpList(List.of())));
    }

    /** IBFT 2.0: extraData becomes RLP([vanity, validators, vote]); round and seals are left out entirely. */
    public static HeaderHasher ibft2() {
        return header -> hashWithExtra(header, extra -> List.of(extra.get(0), extra.get(1), extra.get(2)));
    }

    private interface ExtraRewrite {
        List<RlpItem> apply(RlpList extra);
    }

    /** @throws MalformedRlpException if extraData is not the 5-item BFT list */
    private static Bytes hashWithExtra(BlockHeader header, ExtraRewrite rewrite) {
        if (header.number().signum() == 0) {
            return HeaderHasher.ETHEREUM.hash(header);
        }
        RlpItem decoded = Rlp.decode(header.get(HeaderField.EXTRA_DATA).toArray());
        if (!(decoded instanceof RlpList extra) || extra.size() != 5) {
            throw new MalformedRlpException("BFT extraData must be RLP([vanity, validators, vote, round, seals])");
        }
        byte[] filtered = Rlp.encode(new RlpList(rewrite.apply(extra)));
        return HeaderHasher.ETHEREUM.hash(header.with(HeaderField.EXTRA_DATA, Bytes.of(filtered)));
    }
}
