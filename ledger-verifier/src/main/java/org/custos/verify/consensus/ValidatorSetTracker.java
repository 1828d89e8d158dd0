package org.custos.verify.consensus;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;

/**
 * Replays BFT block-header validator voting from a pinned epoch block, giving the validator set in force for the
 * next block ({@code getValidatorsAfterBlock(parent)} in Besu). Fed headers in order; no I/O.
 *
 * <p>Rules of Besu's block-based validator provider (ledger-facts does not describe the tally; read in Besu
 * {@code consensus/common/.../validator/blockbased/}: {@code VoteTallyCache}, {@code VoteTallyUpdater},
 * {@code VoteTally}, {@code EpochManager}; no code copied):
 * <ul>
 *   <li>At an epoch block E ({@code E % epochLength == 0}) the tally restarts from the validators E lists, with
 *       no pending votes, and <em>E's own vote is counted</em>.</li>
 *   <li>The block just before an epoch block ({@code (N + 1) % epochLength == 0}) discards all pending votes
 *       and its own vote is ignored ({@code VoteTallyUpdater.updateForBlock} tests {@code isEpochBlock(N + 1)}).</li>
 *   <li>Otherwise a block's vote, if any, is cast by its proposer, the header's coinbase
 *       ({@code BftBlockInterface.extractVoteFromHeader}). A proposer's later vote on a recipient replaces its
 *       earlier one.</li>
 *   <li>When the add (drop) votes for a recipient reach {@code floor(n/2) + 1} of the current set, the recipient
 *       is added (removed) and all votes about it are discarded; on removal, the removed validator's own pending
 *       votes are discarded too. Changes apply from the next block on.</li>
 * </ul>
 * Not supported: an {@code EpochManager} start block other than 0, and validator-contract mode.
 */
public final class ValidatorSetTracker {

    /** Ascending unsigned byte order, as Besu sorts addresses in extraData. */
    public static final Comparator<Bytes> ADDRESS_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.toArray(), b.toArray());

    private final BftVariant variant;
    private final long epochLength;
    private final TreeSet<Bytes> validators = new TreeSet<>(ADDRESS_ORDER);
    private final Map<Bytes, Set<Bytes>> addVotes = new HashMap<>();
    private final Map<Bytes, Set<Bytes>> dropVotes = new HashMap<>();
    private long lastApplied;

    /**
     * Starts at a pinned epoch block: the tally holds {@code validatorsOfCheckpoint} (the set the checkpoint
     * lists, in force for it) and then applies the checkpoint's own vote.
     *
     * @param checkpoint             an epoch block (precondition: {@code number % epochLength == 0})
     * @param validatorsOfCheckpoint the pinned set listed in the checkpoint; not empty
     * @throws MalformedExtraDataException if the checkpoint's extraData is not the variant's layout
     */
    public ValidatorSetTracker(BftVariant variant, long epochLength, BlockHeader checkpoint,
                               Collection<Bytes> validatorsOfCheckpoint) {
        this.variant = Objects.requireNonNull(variant, "variant");
        long number = checkpoint.number().longValueExact();
        if (epochLength <= 0 || number % epochLength != 0) {
            throw new IllegalArgumentException("the checkpoint must be an epoch block");
        }
        if (validatorsOfCheckpoint.isEmpty()) {
            throw new IllegalArgumentException("empty validator set");
        }
        this.epochLength = epochLength;
        this.validators.addAll(validatorsOfCheckpoint);
        this.lastApplied = number - 1;
        apply(checkpoint);
    }

    /** The set in force for block {@code lastApplied() + 1}, ascending. */
    public SortedSet<Bytes> validators() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(validators));
    }

    public long lastApplied() {
        return lastApplied;
    }

    /**
     * Applies the votes of the next block. Precondition: its number is {@code lastApplied() + 1} and it was
     * already verified (hash chain, seals, proposer).
     *
     * @throws MalformedExtraDataException if its extraData is not the variant's layout
     */
    public void apply(BlockHeader header) {
        long number = header.number().longValueExact();
        if (number != lastApplied + 1) {
            throw new IllegalArgumentException("expected block " + (lastApplied + 1) + ", got " + number);
        }
        Optional<BftVote> vote = variant.decode(header.get(HeaderField.EXTRA_DATA)).vote();
        lastApplied = number;
        if ((number + 1) % epochLength == 0) {
            addVotes.clear();
            dropVotes.clear();
            return;
        }
        vote.ifPresent(v -> cast(header.get(HeaderField.BENEFICIARY), v));
    }

    private void cast(Bytes proposer, BftVote vote) {
        Bytes subject = vote.recipient();
        Set<Bytes> adds = addVotes.computeIfAbsent(subject, k -> new HashSet<>());
        Set<Bytes> drops = dropVotes.computeIfAbsent(subject, k -> new HashSet<>());
        if (vote.add()) {
            adds.add(proposer);
            drops.remove(proposer);
        } else {
            drops.add(proposer);
            adds.remove(proposer);
        }
        int required = validators.size() / 2 + 1;
        if (adds.size() >= required) {
            validators.add(subject);
            discardVotesAbout(subject);
        } else if (drops.size() >= required) {
            validators.remove(subject);
            discardVotesAbout(subject);
            addVotes.values().forEach(voters -> voters.remove(subject));
            dropVotes.values().forEach(voters -> voters.remove(subject));
        }
    }

    private void discardVotesAbout(Bytes subject) {
        addVotes.remove(subject);
        dropVotes.remove(subject);
    }
}
