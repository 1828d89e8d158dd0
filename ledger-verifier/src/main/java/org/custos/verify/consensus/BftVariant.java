package org.custos.verify.consensus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The two Besu BFT protocols. Both use extraData {@code RLP([vanity32, [validators], vote, round, [seals]])} but
 * encode vote and round differently and drop different items for hashing (docs/verification.md, ledger-facts
 * §4.2-4.3):
 * <ul>
 *   <li>QBFT (Besu {@code QbftExtraDataCodec}): no vote = empty list {@code 0xc0}; round = RLP scalar (no leading
 *       zero). Block hash over {@code [vanity, validators, vote, 0x80, 0xc0]}; commit seals sign
 *       {@code [vanity, validators, vote, round, 0xc0]}.</li>
 *   <li>IBFT 2.0 (Besu {@code IbftExtraDataCodec}): no vote = {@code 0x80}; round = exactly 4 bytes. Block hash
 *       over {@code [vanity, validators, vote]}; commit seals sign {@code [vanity, validators, vote, round]}.</li>
 * </ul>
 */
public enum BftVariant {

    QBFT {
        @Override
        Optional<BftVote> decodeVote(RlpItem item) {
            RlpList list = asList(item, "QBFT vote");
            return list.size() == 0 ? Optional.empty() : Optional.of(voteOf(list));
        }

        @Override
        long decodeRound(RlpItem item) {
            RlpString round = asString(item, "QBFT round");
            if (round.length() > 4) {
                throw new MalformedExtraDataException("QBFT round longer than 4 bytes");
            }
            try {
                return round.asScalar().longValueExact();
            } catch (MalformedRlpException e) {
                throw new MalformedExtraDataException("QBFT round: " + e.getMessage(), e);
            }
        }

        @Override
        List<RlpItem> commitItems(RlpList raw) {
            return List.of(raw.get(0), raw.get(1), raw.get(2), raw.get(3), new RlpList(List.of()));
        }

        @Override
        public HeaderHasher blockHasher() {
            return BftHeaderHashers.qbft();
        }
    },

    IBFT2 {
        @Override
        Optional<BftVote> decodeVote(RlpItem item) {
            if (item instanceof RlpString s && s.length() == 0) {
                return Optional.empty();
            }
            return Optional.of(voteOf(asList(item, "IBFT 2.0 vote")));
        }

        @Override
        long decodeRound(RlpItem item) {
            RlpString round = asString(item, "IBFT 2.0 round");
            if (round.length() != 4) {
                throw new MalformedExtraDataException("IBFT 2.0 round must be 4 bytes, got " + round.length());
            }
            return new BigInteger(1, round.bytes()).longValueExact();
        }

        @Override
        List<RlpItem> commitItems(RlpList raw) {
            return List.of(raw.get(0), raw.get(1), raw.get(2), raw.get(3));
        }

        @Override
        public HeaderHasher blockHasher() {
            return BftHeaderHashers.ibft2();
        }
    };

    abstract Optional<BftVote> decodeVote(RlpItem item);

    abstract long decodeRound(RlpItem item);

    abstract List<RlpItem> commitItems(RlpList raw);

    /** The onchain block hash (what parentHash and {@code eth_getBlockByNumber.hash} contain). */
    public abstract HeaderHasher blockHasher();

    /**
     * Decodes extraData strictly.
     *
     * @throws MalformedExtraDataException unless it is canonical RLP of exactly
     *     {@code [vanity(32), [address(20)...], vote, round, [seal(65)...]]} in this variant's encoding
     */
    public BftExtraData decode(Bytes extraData) {
        RlpItem decoded;
        try {
            decoded = Rlp.decode(extraData.toArray());
        } catch (MalformedRlpException e) {
            throw new MalformedExtraDataException("extraData is not canonical RLP: " + e.getMessage(), e);
        }
        RlpList list = asList(decoded, "extraData");
        if (list.size() != 5) {
            throw new MalformedExtraDataException("extraData must have 5 items, has " + list.size());
        }
        Bytes vanity = fixed(list.get(0), 32, "vanity");
        List<Bytes> validators = new ArrayList<>();
        for (RlpItem v : asList(list.get(1), "validators").items()) {
            validators.add(fixed(v, 20, "validator"));
        }
        Optional<BftVote> vote = decodeVote(list.get(2));
        long round = decodeRound(list.get(3));
        List<Bytes> seals = new ArrayList<>();
        for (RlpItem s : asList(list.get(4), "seals").items()) {
            seals.add(fixed(s, Secp256k1Recovery.SIGNATURE_LENGTH, "seal"));
        }
        return new BftExtraData(vanity, validators, vote, round, seals, list);
    }

    /**
     * The hash each commit seal signs: KEC(RLP(header)) with extraData replaced by the commit form (Besu
     * {@code BftBlockHashing.calculateDataHashForCommittedSeal}, {@code EXCLUDE_COMMIT_SEALS}). Precondition:
     * {@code extra} was decoded from this header's extraData.
     */
    public Bytes commitSealHash(BlockHeader header, BftExtraData extra) {
        byte[] filtered = Rlp.encode(new RlpList(commitItems(extra.raw())));
        return HeaderHasher.ETHEREUM.hash(header.with(HeaderField.EXTRA_DATA, Bytes.of(filtered)));
    }

    static BftVote voteOf(RlpList list) {
        if (list.size() != 2) {
            throw new MalformedExtraDataException("vote must be [recipient, type]");
        }
        Bytes recipient = fixed(list.get(0), 20, "vote recipient");
        RlpString type = asString(list.get(1), "vote type");
        if (type.length() == 1 && (type.bytes()[0] & 0xff) == 0xff) {
            return new BftVote(recipient, true);
        }
        if (type.length() == 0) {
            return new BftVote(recipient, false);
        }
        throw new MalformedExtraDataException("vote type must be 0xff (add) or 0x80 (drop)");
    }

    static RlpList asList(RlpItem item, String what) {
        if (item instanceof RlpList list) {
            return list;
        }
        throw new MalformedExtraDataException(what + " must be an RLP list");
    }

    static RlpString asString(RlpItem item, String what) {
        if (item instanceof RlpString s) {
            return s;
        }
        throw new MalformedExtraDataException(what + " must be an RLP string");
    }

    static Bytes fixed(RlpItem item, int length, String what) {
        RlpString s = asString(item, what);
        if (s.length() != length) {
            throw new MalformedExtraDataException(what + " must be " + length + " bytes, got " + s.length());
        }
        return Bytes.of(s.bytes());
    }
}
