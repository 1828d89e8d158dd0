package org.custos.verify.testing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.consensus.BftExtraData;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.BftVote;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * Builds synthetic Besu-style BFT headers (15 classic fields, BFT mixHash, difficulty 1, nonce 0) and seals them
 * with test keys. The extraData encoding is written here from ledger-facts §4.2/4.3, independently of the
 * decoder under test.
 */
public final class BftBlocks {

    public static final Bytes BFT_MIX_HASH =
            Bytes.fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    private static final Bytes EMPTY_TRIE =
            Bytes.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    private static final Bytes EMPTY_OMMERS =
            Bytes.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    private BftBlocks() {
    }

    /** extraData {@code RLP([vanity0, sorted validators, vote, round, seals])} in the variant's encoding. */
    public static Bytes extraData(BftVariant variant, Collection<Bytes> validators, Optional<BftVote> vote,
                                  long round, List<byte[]> seals) {
        List<Bytes> sorted = new ArrayList<>(validators);
        sorted.sort(ValidatorSetTracker.ADDRESS_ORDER);
        return extraDataAsListed(variant, sorted, vote, round, seals);
    }

    /**
     * extraData listing {@code validators} exactly as given (order and repetitions kept), as an operator writes a
     * genesis file; Besu sorts the list only in the blocks it builds.
     */
    public static Bytes extraDataAsListed(BftVariant variant, List<Bytes> validators, Optional<BftVote> vote,
                                          long round, List<byte[]> seals) {
        List<RlpItem> items = new ArrayList<>();
        items.add(RlpString.of(new byte[32]));
        items.add(new RlpList(validators.stream().map(a -> (RlpItem) RlpString.of(a.toArray())).toList()));
        items.add(vote.map(BftBlocks::vote).orElse(variant == BftVariant.QBFT
                ? new RlpList(List.of()) : RlpString.empty()));
        items.add(variant == BftVariant.QBFT ? RlpString.ofScalar(round)
                : RlpString.of(ByteBuffer.allocate(4).putInt((int) round).array()));
        items.add(new RlpList(seals.stream().map(s -> (RlpItem) RlpString.of(s)).toList()));
        return Bytes.of(Rlp.encode(new RlpList(items)));
    }

    private static RlpItem vote(BftVote vote) {
        return RlpList.of(RlpString.of(vote.recipient().toArray()),
                vote.add() ? RlpString.of(new byte[] {(byte) 0xff}) : RlpString.empty());
    }

    public static BlockHeader header(Bytes parentHash, long number, Bytes coinbase, Bytes extraData) {
        Map<HeaderField, Bytes> f = new EnumMap<>(HeaderField.class);
        f.put(HeaderField.PARENT_HASH, parentHash);
        f.put(HeaderField.OMMERS_HASH, EMPTY_OMMERS);
        f.put(HeaderField.BENEFICIARY, coinbase);
        f.put(HeaderField.STATE_ROOT, Bytes.of(Hashes.keccak256(("state" + number).getBytes(StandardCharsets.US_ASCII))));
        f.put(HeaderField.TRANSACTIONS_ROOT, EMPTY_TRIE);
        f.put(HeaderField.RECEIPTS_ROOT, EMPTY_TRIE);
        f.put(HeaderField.LOGS_BLOOM, Bytes.of(new byte[256]));
        f.put(HeaderField.DIFFICULTY, Bytes.of(new byte[] {1}));
        f.put(HeaderField.NUMBER, quantity(number));
        f.put(HeaderField.GAS_LIMIT, quantity(0x47b760));
        f.put(HeaderField.GAS_USED, Bytes.empty());
        f.put(HeaderField.TIMESTAMP, quantity(1_700_000_000L + 5 * number));
        f.put(HeaderField.EXTRA_DATA, extraData);
        f.put(HeaderField.MIX_HASH, BFT_MIX_HASH);
        f.put(HeaderField.NONCE, Bytes.of(new byte[8]));
        return BlockHeader.of(f);
    }

    /** Replaces the seal list of the header's extraData (other items byte-identical). */
    public static BlockHeader withSeals(BftVariant variant, BlockHeader header, List<byte[]> seals) {
        BftExtraData extra = variant.decode(header.get(HeaderField.EXTRA_DATA));
        List<RlpItem> items = new ArrayList<>(extra.raw().items());
        items.set(4, new RlpList(seals.stream().map(s -> (RlpItem) RlpString.of(s)).toList()));
        return header.with(HeaderField.EXTRA_DATA, Bytes.of(Rlp.encode(new RlpList(items))));
    }

    /** The header's current seals, as raw 65-byte arrays. */
    public static List<byte[]> seals(BftVariant variant, BlockHeader header) {
        return variant.decode(header.get(HeaderField.EXTRA_DATA)).seals().stream().map(Bytes::toArray).toList();
    }

    /** Seals (replacing any seals) with one commit seal per key, in key order. */
    public static BlockHeader seal(BftVariant variant, BlockHeader header, List<BigInteger> keys) {
        byte[] commitHash = commitHash(variant, header);
        List<byte[]> seals = keys.stream().map(k -> TestKeys.sign(commitHash, k)).toList();
        return withSeals(variant, header, seals);
    }

    public static byte[] commitHash(BftVariant variant, BlockHeader header) {
        return variant.commitSealHash(header, variant.decode(header.get(HeaderField.EXTRA_DATA))).toArray();
    }

    /** The header with the claimed hash a node would report (the recomputed onchain hash). */
    public static ClaimedHeader claim(BftVariant variant, BlockHeader header) {
        return new ClaimedHeader(header, variant.blockHasher().hash(header));
    }

    public static Bytes quantity(long value) {
        return Bytes.of(RlpString.ofScalar(BigInteger.valueOf(value)).bytes());
    }
}
