package org.custos.portal.ledger.testing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.trie.PatriciaTrie;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * A QBFT or IBFT 2.0 chain built and sealed in the test with test validator keys (no Besu node runs here; anvil
 * cannot produce BFT blocks): empty Besu-style blocks (BFT mixHash, difficulty 1, nonce 0, empty tries), extraData
 * {@code RLP([vanity, validators, vote, round, seals])} written here in each variant's encoding (ledger-facts §4.2,
 * §4.3), commit seals signed over the variant's commit hash. What each block lists, who proposes, votes and signs
 * is given by the test ({@link Spec}), so that tests can build wrong blocks too. Also serves the chain as an
 * in-memory {@link LedgerNode}.
 */
public final class BftTestChain implements LedgerNode {

    /**
     * What one block looks like. {@code asListed}: extraData lists {@code listed} in the given order (repetitions
     * kept) instead of ascending as Besu writes it.
     */
    public record Spec(List<ECKeyPair> listed, ECKeyPair proposer, Bytes voteFor, boolean voteAdd,
                       List<ECKeyPair> signers, long round, boolean asListed) {

        public static Spec of(List<ECKeyPair> validators) {
            return new Spec(validators, validators.get(0), null, false, validators, 0, false);
        }

        public Spec proposer(ECKeyPair p) {
            return new Spec(listed, p, voteFor, voteAdd, signers, round, asListed);
        }

        public Spec vote(Bytes recipient, boolean add) {
            return new Spec(listed, proposer, recipient, add, signers, round, asListed);
        }

        public Spec signers(List<ECKeyPair> s) {
            return new Spec(listed, proposer, voteFor, voteAdd, s, round, asListed);
        }

        public Spec round(long r) {
            return new Spec(listed, proposer, voteFor, voteAdd, signers, r, asListed);
        }

        /** The validator list in {@code listed}'s order, not sorted (as an operator writes a genesis file). */
        public Spec unsorted() {
            return new Spec(listed, proposer, voteFor, voteAdd, signers, round, true);
        }
    }

    private static final Bytes MIX = Bytes.fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    private static final Bytes OMMERS = Bytes.of(Hashes.keccak256(new byte[] {(byte) 0xc0}));

    private final BftVariant variant;
    private final List<Map<String, Object>> blocks = new ArrayList<>();
    private final List<BlockHeader> headers = new ArrayList<>();

    /** Starts with genesis (block 0) listing {@code genesisValidators} ascending. */
    public BftTestChain(BftVariant variant, List<ECKeyPair> genesisValidators) {
        this(variant, genesisValidators, false);
    }

    private BftTestChain(BftVariant variant, List<ECKeyPair> genesisValidators, boolean asListed) {
        this.variant = variant;
        BlockHeader genesis = header(Bytes.of(new byte[32]), 0, Bytes.of(new byte[20]),
                extra(genesisValidators, asListed, null, false, 0, List.of()));
        add(genesis);
    }

    /**
     * Starts with a genesis listing {@code listed} in exactly this order (repetitions kept), as a real genesis file
     * lists its validators in the order the operator wrote them; Besu sorts them only in the blocks it builds.
     */
    public static BftTestChain withGenesisListing(BftVariant variant, List<ECKeyPair> listed) {
        return new BftTestChain(variant, listed, true);
    }

    public static ECKeyPair key(long seed) {
        return ECKeyPair.create(BigInteger.valueOf(seed));
    }

    public static Bytes address(ECKeyPair key) {
        return Bytes.fromHex("0x" + Keys.getAddress(key.getPublicKey()));
    }

    public static String addresses(Collection<ECKeyPair> keys) {
        return String.join(",", keys.stream().map(k -> address(k).toHex()).toList());
    }

    public long head() {
        return blocks.size() - 1;
    }

    public String hash(long n) {
        return (String) blocks.get((int) n).get("hash");
    }

    public Map<String, Object> json(long n) {
        return blocks.get((int) n);
    }

    /** Appends a block built and sealed as {@code spec} says. */
    public BftTestChain append(Spec spec) {
        return append(spec, UnaryOperator.identity());
    }

    /** Appends a block; {@code tamper} may change the sealed JSON (after the hash was computed). */
    public BftTestChain append(Spec spec, UnaryOperator<Map<String, Object>> tamper) {
        long n = blocks.size();
        Bytes parent = Bytes.fromHex(hash(n - 1));
        BlockHeader unsealed = header(parent, n, address(spec.proposer()),
                extra(spec.listed(), spec.asListed(), spec.voteFor(), spec.voteAdd(), spec.round(), List.of()));
        byte[] commitHash = variant.commitSealHash(unsealed, variant.decode(unsealed.get(HeaderField.EXTRA_DATA)))
                .toArray();
        List<byte[]> seals = new ArrayList<>();
        for (ECKeyPair signer : spec.signers()) {
            Sign.SignatureData sig = Sign.signMessage(commitHash, signer, false);
            byte[] seal = new byte[65];
            System.arraycopy(sig.getR(), 0, seal, 0, 32);
            System.arraycopy(sig.getS(), 0, seal, 32, 32);
            seal[64] = (byte) (sig.getV()[0] - 27);
            seals.add(seal);
        }
        BlockHeader sealed = unsealed.with(HeaderField.EXTRA_DATA,
                extra(spec.listed(), spec.asListed(), spec.voteFor(), spec.voteAdd(), spec.round(), seals));
        add(sealed);
        blocks.set((int) n, tamper.apply(blocks.get((int) n)));
        return this;
    }

    private void add(BlockHeader header) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (HeaderField field : HeaderField.values()) {
            if (header.get(field) != null) {
                json.put(field.jsonName(), RpcHeaderParser.format(field, header.get(field)));
            }
        }
        json.put("hash", variant.blockHasher().hash(header).toHex());
        json.put("transactions", List.of());
        blocks.add(json);
        headers.add(header);
    }

    private Bytes extra(List<ECKeyPair> listed, boolean asListed, Bytes voteFor, boolean add, long round,
                        List<byte[]> seals) {
        List<Bytes> sorted = new ArrayList<>(listed.stream().map(BftTestChain::address).toList());
        if (!asListed) {
            sorted.sort(ValidatorSetTracker.ADDRESS_ORDER);
        }
        List<RlpItem> items = new ArrayList<>();
        items.add(RlpString.of(new byte[32]));
        items.add(new RlpList(sorted.stream().map(a -> (RlpItem) RlpString.of(a.toArray())).toList()));
        if (voteFor == null) {
            items.add(variant == BftVariant.QBFT ? new RlpList(List.of()) : RlpString.empty());
        } else {
            items.add(RlpList.of(RlpString.of(voteFor.toArray()),
                    add ? RlpString.of(new byte[] {(byte) 0xff}) : RlpString.empty()));
        }
        items.add(variant == BftVariant.QBFT ? RlpString.ofScalar(round)
                : RlpString.of(ByteBuffer.allocate(4).putInt((int) round).array()));
        items.add(new RlpList(seals.stream().map(s -> (RlpItem) RlpString.of(s)).toList()));
        return Bytes.of(Rlp.encode(new RlpList(items)));
    }

    private static BlockHeader header(Bytes parent, long n, Bytes coinbase, Bytes extra) {
        Map<HeaderField, Bytes> f = new EnumMap<>(HeaderField.class);
        f.put(HeaderField.PARENT_HASH, parent);
        f.put(HeaderField.OMMERS_HASH, OMMERS);
        f.put(HeaderField.BENEFICIARY, coinbase);
        f.put(HeaderField.STATE_ROOT, Bytes.of(Hashes.keccak256(("state" + n).getBytes())));
        f.put(HeaderField.TRANSACTIONS_ROOT, Bytes.of(PatriciaTrie.EMPTY_ROOT));
        f.put(HeaderField.RECEIPTS_ROOT, Bytes.of(PatriciaTrie.EMPTY_ROOT));
        f.put(HeaderField.LOGS_BLOOM, Bytes.of(new byte[256]));
        f.put(HeaderField.DIFFICULTY, Bytes.of(new byte[] {1}));
        f.put(HeaderField.NUMBER, quantity(n));
        f.put(HeaderField.GAS_LIMIT, Bytes.of(new byte[] {0x47, (byte) 0xb7, 0x60}));
        f.put(HeaderField.GAS_USED, Bytes.empty());
        f.put(HeaderField.TIMESTAMP, quantity(1_733_011_200L + 2 * n));
        f.put(HeaderField.EXTRA_DATA, extra);
        f.put(HeaderField.MIX_HASH, MIX);
        f.put(HeaderField.NONCE, Bytes.of(new byte[8]));
        return BlockHeader.of(f);
    }

    /** Blocks {@code from..to} as the node would send them (empty bodies and receipts). */
    public List<RpcBlock> rpcBlocks(long from, long to) {
        List<RpcBlock> result = new ArrayList<>();
        for (long n = from; n <= to && n <= head(); n++) {
            result.add(new RpcBlock(n, new LinkedHashMap<>(blocks.get((int) n)), List.of()));
        }
        return result;
    }

    // --- LedgerNode, in memory ---

    @Override
    public String name() {
        return "bft-test-chain";
    }

    @Override
    public long chainId() {
        return 1337;
    }

    @Override
    public long headNumber() {
        return head();
    }

    @Override
    public List<RpcBlock> blocks(long from, int count) {
        return rpcBlocks(from, from + count - 1);
    }

    @Override
    public List<Map<String, Object>> headers(long from, int count) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (long n = from; n < from + count; n++) {
            if (n > head()) {
                result.add(null);
            } else {
                Map<String, Object> h = new LinkedHashMap<>(blocks.get((int) n));
                h.put("transactions", List.of());
                result.add(h);
            }
        }
        return result;
    }

    @Override
    public Map<String, Object> proof(String address, List<String> slots, long block) {
        throw new UnsupportedOperationException("no state in a test-built chain");
    }

    private static Bytes quantity(long v) {
        byte[] b = BigInteger.valueOf(v).toByteArray();
        int i = 0;
        while (i < b.length && b[i] == 0) {
            i++;
        }
        return Bytes.of(java.util.Arrays.copyOfRange(b, i, b.length));
    }
}
