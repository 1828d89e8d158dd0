package org.custos.verify.consensus;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HashChainVerifier;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.rlp.MalformedRlpException;

/**
 * Verifies a chain segment from a pinned checkpoint: the hash chain ({@link HashChainVerifier#verifyStep}) and,
 * per block after the checkpoint, the consensus seal. Blocks are checked in order and the first failure is
 * returned with its block number.
 *
 * <ul>
 *   <li>{@link #bft}: for each block after the checkpoint, in this order: hash step; then {@link BftBlockVerifier}
 *       (the rule the portal's sync uses too): extraData layout ({@code MALFORMED_EXTRA_DATA}); the block's
 *       validator list equals the replayed set after its parent, ascending ({@code VALIDATOR_SET_MISMATCH}, Besu
 *       {@code BftValidatorsValidationRule}); its coinbase is in that set ({@code PROPOSER_NOT_VALIDATOR}, Besu
 *       {@code BftCoinbaseValidationRule}); commit seals and quorum ({@link BftCommitSealVerifier}); then its vote
 *       is applied ({@link ValidatorSetTracker}).</li>
 *   <li>{@link #clique}: hash step, then the signer must be one of a pinned authorised set (EIP-225).</li>
 *   <li>{@link #hashChainOnly}: dev and post-merge chains (anvil): hash chain only, no finality proof.</li>
 * </ul>
 * The first header of the segment is the checkpoint block itself: it must hash to the pinned hash and its seal is
 * not checked (it is trusted out of band). For BFT it must be an epoch block (or genesis) that lists the pinned
 * validator set: the same members, each once, in any order, since a real genesis lists them in its operator's order
 * and Besu does not validate the genesis header ({@code VALIDATOR_SET_MISMATCH} otherwise); its own vote is then
 * applied as Besu does.
 */
public final class SealedChainVerifier {

    /** The scope statement of a verdict that checked no seals. */
    public static final String HASH_CHAIN_ONLY = "no finality proof: hash chain only";

    private final HashChainVerifier hashChain;
    private final BftVariant variant;
    private final long epochLength;
    private final Set<Bytes> pinnedSet;
    private final BftBlockVerifier blocks;

    private SealedChainVerifier(HeaderHasher hasher, BftVariant variant, long epochLength, Set<Bytes> pinnedSet) {
        this.hashChain = new HashChainVerifier(hasher);
        this.variant = variant;
        this.blocks = variant == null ? null : new BftBlockVerifier(variant);
        this.epochLength = epochLength;
        this.pinnedSet = pinnedSet == null ? null : Set.copyOf(pinnedSet);
    }

    /**
     * QBFT or IBFT 2.0 in block-header validator mode.
     *
     * @param validatorsOfCheckpoint    the pinned validator set the checkpoint block lists (in force for it)
     * @param epochLength               the chain's {@code epochlength}; the checkpoint must be an epoch block,
     *                                  else {@link #verify} throws {@code IllegalArgumentException}
     */
    public static SealedChainVerifier bft(BftVariant variant, long epochLength, Set<Bytes> validatorsOfCheckpoint) {
        Objects.requireNonNull(variant, "variant");
        if (validatorsOfCheckpoint.isEmpty()) {
            throw new IllegalArgumentException("empty validator set");
        }
        return new SealedChainVerifier(variant.blockHasher(), variant, epochLength, validatorsOfCheckpoint);
    }

    /** Clique (EIP-225) with a pinned authorised signer set (signer voting is not replayed). */
    public static SealedChainVerifier clique(Set<Bytes> authorisedSigners) {
        if (authorisedSigners.isEmpty()) {
            throw new IllegalArgumentException("empty signer set");
        }
        return new SealedChainVerifier(HeaderHasher.ETHEREUM, null, 0, authorisedSigners);
    }

    /** Hash chain only: for dev and post-merge chains whose finality this verifier cannot prove. */
    public static SealedChainVerifier hashChainOnly(HeaderHasher hasher) {
        return new SealedChainVerifier(Objects.requireNonNull(hasher, "hasher"), null, 0, null);
    }

    /** Verifies {@code segment}, whose first header is the checkpoint block with hash {@code checkpointHash}. */
    public SegmentVerdict verify(Bytes checkpointHash, List<ClaimedHeader> segment) {
        return new SegmentVerdict(check(checkpointHash, segment), pinnedSet != null, scope());
    }

    private String scope() {
        if (pinnedSet == null) {
            return HASH_CHAIN_ONLY;
        }
        return variant == null ? "hash chain and Clique signers from a pinned authorised set (no BFT finality)"
                : "hash chain and " + variant + " commit-seal quorum of the replayed validator set";
    }

    private VerificationResult check(Bytes checkpointHash, List<ClaimedHeader> segment) {
        if (segment.isEmpty()) {
            return VerificationResult.rejected(ReasonCode.EMPTY_CHAIN, "chain", "at least one header", "none");
        }
        Segment cursor = start(checkpointHash);
        for (ClaimedHeader current : segment) {
            VerificationResult step = cursor.next(current);
            if (!step.verified()) {
                return step;
            }
        }
        return VerificationResult.ok();
    }

    /**
     * A segment verified one header at a time, in order (the first is the checkpoint), for callers that do not
     * hold the whole segment in memory: {@link #verify} is this cursor over a list, so both give the same verdict.
     */
    public Segment start(Bytes checkpointHash) {
        return new Segment(Objects.requireNonNull(checkpointHash, "checkpointHash"));
    }

    /** The state of a segment being verified: the previous header and, for BFT, the replayed validator set. */
    public final class Segment {

        private final Bytes checkpointHash;
        private ValidatorSetTracker tracker;
        private ClaimedHeader previous;
        private ValidatorHistory.Builder history;

        private Segment(Bytes checkpointHash) {
            this.checkpointHash = checkpointHash;
        }

        /**
         * Verifies the next header (the checkpoint first); after a rejection the segment must not be continued.
         * Malformed extraData is a rejection ({@code MALFORMED_EXTRA_DATA}); a BFT checkpoint that is not an epoch
         * block throws {@link IllegalArgumentException}.
         */
        public VerificationResult next(ClaimedHeader current) {
            try {
                VerificationResult step = previous == null ? checkCheckpoint(checkpointHash, current)
                        : checkBlock(previous, current, tracker, history);
                if (!step.verified()) {
                    return step;
                }
                if (previous == null && variant != null) {
                    tracker = new ValidatorSetTracker(variant, epochLength, current.header(), pinnedSet);
                    history = new ValidatorHistory.Builder(current.header().number().longValueExact(), pinnedSet);
                }
            } catch (MalformedExtraDataException | MalformedRlpException e) {
                return VerificationResult.rejected(ReasonCode.MALFORMED_EXTRA_DATA,
                        "block " + current.header().number(),
                        "extraData in the " + (variant == null ? "consensus" : variant) + " layout", e.getMessage());
            }
            previous = current;
            return VerificationResult.ok();
        }

        /** What the verifier checked, as {@link SegmentVerdict#scope()} says it. */
        public String scope() {
            return SealedChainVerifier.this.scope();
        }

        /**
         * BFT: the validator set that sealed each verified block, from the checkpoint to the last block verified,
         * with the blocks where it changed (replayed votes, as checked); null for other protocols and before the
         * checkpoint passed.
         */
        public ValidatorHistory validators() {
            return history == null ? null : history.build();
        }
    }

    /**
     * The checkpoint: its hash is the pinned one and, for BFT, it lists the pinned validator set as a set (same
     * members, each once, any order: {@link BftBlockVerifier#verifyCheckpoint}).
     */
    private VerificationResult checkCheckpoint(Bytes checkpointHash, ClaimedHeader checkpoint) {
        BlockHeader header = checkpoint.header();
        if (variant != null) {
            variant.decode(header.get(HeaderField.EXTRA_DATA));   // layout first: throws before hashing
        }
        VerificationResult step = hashChain.verifyStep(checkpointHash, null, checkpoint);
        if (!step.verified() || variant == null) {
            return step;
        }
        long number = header.number().longValueExact();
        if (number % epochLength != 0) {
            throw new IllegalArgumentException("the BFT checkpoint must be an epoch block, got " + number);
        }
        return BftBlockVerifier.verifyCheckpoint(variant, header, pinnedSet);
    }

    private VerificationResult checkBlock(ClaimedHeader previous, ClaimedHeader current, ValidatorSetTracker tracker,
                                          ValidatorHistory.Builder history) {
        BlockHeader header = current.header();
        if (variant != null) {
            variant.decode(header.get(HeaderField.EXTRA_DATA));
        }
        VerificationResult step = hashChain.verifyStep(null, previous, current);
        if (!step.verified() || pinnedSet == null) {
            return step;
        }
        if (variant == null) {
            return new CliqueSealVerifier().verify(header, pinnedSet);
        }
        java.util.SortedSet<Bytes> sealers = tracker.validators();
        VerificationResult bft = blocks.verify(header, sealers);
        if (bft.verified()) {
            history.sealed(header.number().longValueExact(), sealers);
            tracker.apply(header);
        }
        return bft;
    }
}
