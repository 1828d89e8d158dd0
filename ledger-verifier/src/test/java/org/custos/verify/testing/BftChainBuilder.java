package org.custos.verify.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.BftVote;

/**
 * A synthetic sealed BFT chain, built block by block. The caller states each block's listed validator set
 * (the set it expects after the parent), so tests fix the expected vote outcomes by hand.
 */
public final class BftChainBuilder {

    private final BftVariant variant;
    private final List<ClaimedHeader> headers = new ArrayList<>();
    private final List<List<BigInteger>> signers = new ArrayList<>();

    /** Starts with a genesis block (number 0, no seals) listing the addresses of {@code validatorKeys}. */
    public BftChainBuilder(BftVariant variant, List<BigInteger> validatorKeys) {
        this(variant, BftBlocks.extraData(variant, addresses(validatorKeys), Optional.empty(), 0, List.of()));
    }

    private BftChainBuilder(BftVariant variant, Bytes genesisExtraData) {
        this.variant = variant;
        BlockHeader genesis = BftBlocks.header(Bytes.of(new byte[32]), 0, Bytes.of(new byte[20]), genesisExtraData);
        headers.add(BftBlocks.claim(variant, genesis));
        signers.add(List.of());
    }

    /**
     * Starts with a genesis listing {@code listed} exactly in the given order (repetitions kept), as a real
     * genesis file lists its validators in the order its operator wrote them.
     */
    public static BftChainBuilder withGenesisListing(BftVariant variant, List<Bytes> listed) {
        return new BftChainBuilder(variant, BftBlocks.extraDataAsListed(variant, listed, Optional.empty(), 0,
                List.of()));
    }

    public static List<Bytes> addresses(Collection<BigInteger> keys) {
        return keys.stream().map(TestKeys::address).toList();
    }

    /** Appends a block proposed by {@code proposer}, listing {@code listed}, sealed by {@code sealers}. */
    public BftChainBuilder add(BigInteger proposer, Optional<BftVote> vote, long round, Collection<Bytes> listed,
                               List<BigInteger> sealers) {
        ClaimedHeader parent = headers.get(headers.size() - 1);
        Bytes extra = BftBlocks.extraData(variant, listed, vote, round, List.of());
        BlockHeader header = BftBlocks.header(parent.claimedHash(), headers.size(), TestKeys.address(proposer), extra);
        headers.add(BftBlocks.claim(variant, BftBlocks.seal(variant, header, sealers)));
        signers.add(List.copyOf(sealers));
        return this;
    }

    public List<ClaimedHeader> headers() {
        return List.copyOf(headers);
    }

    public List<BigInteger> sealersOf(int index) {
        return signers.get(index);
    }

    public BftVariant variant() {
        return variant;
    }
}
