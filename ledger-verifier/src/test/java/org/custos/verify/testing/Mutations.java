package org.custos.verify.testing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.consensus.BftCommitSealVerifier;
import org.custos.verify.consensus.BftExtraData;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * Committed generator of negative cases for sealed BFT chains: each {@link Mutation} is a copy of a valid chain
 * with one systematic change to one block and the reason code the verifier must give for that block.
 *
 * <p>Kinds: a bit flip in every header field with the node's claimed hash kept ({@code HASH_MISMATCH}) and with
 * the claimed hash recomputed (then the seals, the parent link, the number or the proposer must catch it);
 * seal-level damage (recovery id flipped, s = 0, r = n, v = 2, duplicate seal, outsider seal, quorum minus one,
 * no seals); extraData damage (truncated, empty, round changed, validator list changed and resealed); chain
 * damage (wrong parent, reorder, dropped block).
 */
public final class Mutations {

    /** One negative case. */
    public record Mutation(String name, List<ClaimedHeader> chain, ReasonCode expected, long block) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final BftVariant variant;
    private final List<ClaimedHeader> valid;
    private final int target;
    private final List<BigInteger> sealers;
    private final BigInteger outsider;
    private final int validatorCount;
    private final List<Mutation> out = new ArrayList<>();

    private Mutations(BftChainBuilder chain, int target, BigInteger outsider) {
        this.variant = chain.variant();
        this.valid = chain.headers();
        this.target = target;
        this.sealers = chain.sealersOf(target);
        this.outsider = outsider;
        this.validatorCount = variant.decode(header().get(HeaderField.EXTRA_DATA)).validators().size();
    }

    /**
     * All mutations of block {@code target} (1 <= target < size - 1, so it has a successor).
     * Precondition: the target's sealers are validators and reach quorum, and {@code outsider} is no validator.
     */
    public static List<Mutation> of(BftChainBuilder chain, int target, BigInteger outsider) {
        Mutations m = new Mutations(chain, target, outsider);
        m.fieldFlips();
        m.sealDamage();
        m.extraDataDamage();
        m.chainDamage();
        return List.copyOf(m.out);
    }

    private BlockHeader header() {
        return valid.get(target).header();
    }

    private void fieldFlips() {
        for (HeaderField field : HeaderField.values()) {
            Bytes value = header().get(field);
            if (value == null || field == HeaderField.EXTRA_DATA) {
                continue;
            }
            BlockHeader flipped = header().with(field, flip(field, value));
            replace("flip-" + field.jsonName() + "-claimed-hash-kept",
                    new ClaimedHeader(flipped, valid.get(target).claimedHash()), ReasonCode.HASH_MISMATCH);
            ReasonCode rehashed = switch (field) {
                case NUMBER -> ReasonCode.NUMBER_GAP;
                case PARENT_HASH -> ReasonCode.PARENT_MISMATCH;
                case BENEFICIARY -> ReasonCode.PROPOSER_NOT_VALIDATOR;
                default -> ReasonCode.SEAL_BY_NON_VALIDATOR;
            };
            replace("flip-" + field.jsonName() + "-rehashed", BftBlocks.claim(variant, flipped), rehashed);
        }
        BlockHeader vanity = withExtraItem(0, RlpString.of(flipFirstBit(new byte[32])));
        replace("flip-extraData-vanity-claimed-hash-kept",
                new ClaimedHeader(vanity, valid.get(target).claimedHash()), ReasonCode.HASH_MISMATCH);
        replace("flip-extraData-vanity-rehashed", BftBlocks.claim(variant, vanity), ReasonCode.SEAL_BY_NON_VALIDATOR);
    }

    private void sealDamage() {
        List<byte[]> seals = BftBlocks.seals(variant, header());
        sealEdit("seal-recovery-id-flipped", seals, s -> s[64] ^= 1, ReasonCode.SEAL_BY_NON_VALIDATOR);
        sealEdit("seal-s-zero", seals, s -> Arrays.fill(s, 32, 64, (byte) 0), ReasonCode.SEAL_UNRECOVERABLE);
        sealEdit("seal-r-equals-n", seals, s -> put(TestKeys.n(), s), ReasonCode.SEAL_UNRECOVERABLE);
        sealEdit("seal-v-two", seals, s -> s[64] = 2, ReasonCode.SEAL_UNRECOVERABLE);

        List<byte[]> duplicate = new ArrayList<>(seals);
        duplicate.add(seals.get(0));
        resealed("duplicate-seal", duplicate, ReasonCode.DUPLICATE_COMMITTER);

        List<byte[]> foreign = new ArrayList<>(seals);
        foreign.set(0, TestKeys.sign(BftBlocks.commitHash(variant, header()), outsider));
        resealed("seal-by-non-validator", foreign, ReasonCode.SEAL_BY_NON_VALIDATOR);

        int quorum = BftCommitSealVerifier.quorum(validatorCount);
        resealed("quorum-minus-one", seals.subList(0, quorum - 1), ReasonCode.QUORUM_NOT_REACHED);
        resealed("no-seals", List.of(), ReasonCode.QUORUM_NOT_REACHED);

        byte[] onchain = variant.blockHasher().hash(header()).toArray();
        List<byte[]> overBlockHash = sealers.stream().map(k -> TestKeys.sign(onchain, k)).toList();
        BftExtraData extra = variant.decode(header().get(HeaderField.EXTRA_DATA));
        // QBFT in round 0: the commit hash equals the block hash, so this is no mutation there
        boolean sameHash = variant == BftVariant.QBFT && extra.round() == 0;
        resealed("seals-over-block-hash-instead-of-commit-hash", overBlockHash,
                sameHash ? null : ReasonCode.SEAL_BY_NON_VALIDATOR);
    }

    private void extraDataDamage() {
        byte[] extra = header().get(HeaderField.EXTRA_DATA).toArray();
        BlockHeader truncated = header().with(HeaderField.EXTRA_DATA, Bytes.of(Arrays.copyOf(extra, extra.length - 1)));
        replace("truncated-extraData", new ClaimedHeader(truncated, valid.get(target).claimedHash()),
                ReasonCode.MALFORMED_EXTRA_DATA);
        BlockHeader empty = header().with(HeaderField.EXTRA_DATA, Bytes.empty());
        replace("empty-extraData", new ClaimedHeader(empty, valid.get(target).claimedHash()),
                ReasonCode.MALFORMED_EXTRA_DATA);

        long round = variant.decode(header().get(HeaderField.EXTRA_DATA)).round();
        RlpItem nextRound = variant == BftVariant.QBFT ? RlpString.ofScalar(round + 1)
                : RlpString.of(ByteBuffer.allocate(4).putInt((int) round + 1).array());
        BlockHeader roundChanged = withExtraItem(3, nextRound);
        replace("round-changed-seals-kept", BftBlocks.claim(variant, roundChanged), ReasonCode.SEAL_BY_NON_VALIDATOR);

        List<Bytes> listed = new ArrayList<>(variant.decode(header().get(HeaderField.EXTRA_DATA)).validators());
        listed.add(TestKeys.address(outsider));
        BlockHeader widened = withExtraItem(1, new RlpList(listed.stream()
                .sorted(ValidatorSetTracker.ADDRESS_ORDER)
                .map(a -> (RlpItem) RlpString.of(a.toArray())).toList()));
        replace("validator-list-widened-and-resealed",
                BftBlocks.claim(variant, BftBlocks.seal(variant, widened, sealers)), ReasonCode.VALIDATOR_SET_MISMATCH);

        Collections.reverse(listed);
        BlockHeader unsorted = withExtraItem(1, new RlpList(listed.subList(1, listed.size()).stream()
                .map(a -> (RlpItem) RlpString.of(a.toArray())).toList()));
        if (listed.size() > 2) {
            replace("validator-list-unsorted-and-resealed",
                    BftBlocks.claim(variant, BftBlocks.seal(variant, unsorted, sealers)),
                    ReasonCode.VALIDATOR_SET_MISMATCH);
        }
        BlockHeader outsiderProposer = header().with(HeaderField.BENEFICIARY, TestKeys.address(outsider));
        replace("proposer-outsider-resealed",
                BftBlocks.claim(variant, BftBlocks.seal(variant, outsiderProposer, sealers)),
                ReasonCode.PROPOSER_NOT_VALIDATOR);
    }

    private void chainDamage() {
        BlockHeader wrongParent = BftBlocks.seal(variant,
                header().with(HeaderField.PARENT_HASH, Bytes.of(new byte[32])), sealers);
        replace("wrong-parent-resealed", BftBlocks.claim(variant, wrongParent), ReasonCode.PARENT_MISMATCH);

        List<ClaimedHeader> reordered = new ArrayList<>(valid);
        Collections.swap(reordered, target, target + 1);
        add("reorder-with-successor", reordered, ReasonCode.NUMBER_GAP, target + 1L);

        List<ClaimedHeader> dropped = new ArrayList<>(valid);
        dropped.remove(target);
        add("drop-block", dropped, ReasonCode.NUMBER_GAP, target + 1L);
    }

    private interface SealEdit {
        void apply(byte[] seal);
    }

    private void sealEdit(String name, List<byte[]> seals, SealEdit edit, ReasonCode expected) {
        List<byte[]> copy = new ArrayList<>(seals.stream().map(byte[]::clone).toList());
        edit.apply(copy.get(0));
        resealed(name, copy, expected);
    }

    /** The target with a new seal list; seals are outside the block hash, so the claimed hash stays valid. */
    private void resealed(String name, List<byte[]> seals, ReasonCode expected) {
        if (expected == null) {
            return;
        }
        BlockHeader header = BftBlocks.withSeals(variant, header(), seals);
        replace(name, BftBlocks.claim(variant, header), expected);
    }

    private BlockHeader withExtraItem(int index, RlpItem item) {
        List<RlpItem> items = new ArrayList<>(variant.decode(header().get(HeaderField.EXTRA_DATA)).raw().items());
        items.set(index, item);
        return header().with(HeaderField.EXTRA_DATA, Bytes.of(Rlp.encode(new RlpList(items))));
    }

    /** Replaces the target; failures are reported under the number the replacement header claims. */
    private void replace(String name, ClaimedHeader replacement, ReasonCode expected) {
        List<ClaimedHeader> chain = new ArrayList<>(valid);
        chain.set(target, replacement);
        add(name, chain, expected, replacement.header().number().longValueExact());
    }

    private void add(String name, List<ClaimedHeader> chain, ReasonCode expected, long block) {
        out.add(new Mutation(name, List.copyOf(chain), expected, block));
    }

    private static Bytes flip(HeaderField field, Bytes value) {
        byte[] b = value.toArray();
        if (field.kind() == HeaderField.Kind.QUANTITY) {
            if (b.length == 0) {
                return Bytes.of(new byte[] {1});
            }
            b[b.length - 1] ^= 1;
            return b.length == 1 && b[0] == 0 ? Bytes.empty() : Bytes.of(b);
        }
        return Bytes.of(flipFirstBit(b));
    }

    private static byte[] flipFirstBit(byte[] b) {
        b[0] ^= 1;
        return b;
    }

    private static void put(BigInteger value, byte[] seal) {
        byte[] v = TestKeys.encode(value, BigInteger.ONE, 0);
        System.arraycopy(v, 0, seal, 0, 32);
    }
}
