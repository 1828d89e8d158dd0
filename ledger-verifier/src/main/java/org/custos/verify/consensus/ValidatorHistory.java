package org.custos.verify.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.custos.verify.Bytes;

/**
 * The BFT validator sets of a verified segment, as the sealed-chain verifier replayed and checked them: the set
 * pinned for the checkpoint, the set that sealed the last verified block, and each block from which on another set
 * sealed (the set in force for that block differs from the one in force for its parent). Sets are ascending
 * ({@link ValidatorSetTracker#ADDRESS_ORDER}).
 *
 * @param checkpoint    the checkpoint's number
 * @param atCheckpoint  the pinned set listed in the checkpoint
 * @param lastBlock     the last verified block (the checkpoint if no later block verified)
 * @param atLastBlock   the set that sealed {@code lastBlock} (the pinned set for the checkpoint)
 * @param changes       the blocks where the sealing set changed, in order, each with the new set
 */
public record ValidatorHistory(long checkpoint, List<Bytes> atCheckpoint, long lastBlock, List<Bytes> atLastBlock,
                               List<Change> changes) {

    /** From block {@code block} on, {@code validators} sealed. */
    public record Change(long block, List<Bytes> validators) {

        public Change {
            validators = List.copyOf(validators);
        }
    }

    public ValidatorHistory {
        atCheckpoint = List.copyOf(atCheckpoint);
        atLastBlock = List.copyOf(atLastBlock);
        changes = List.copyOf(changes);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("validators at checkpoint block " + checkpoint + ": " + hex(atCheckpoint)
                + "; at last block " + lastBlock + ": " + hex(atLastBlock));
        out.append(changes.isEmpty() ? "; no change" : "; changed at");
        for (Change c : changes) {
            out.append(" block ").append(c.block()).append(" to ").append(hex(c.validators()));
        }
        return out.toString();
    }

    private static String hex(List<Bytes> set) {
        return set.stream().map(Bytes::toHex).toList().toString();
    }

    /** Collects the history while blocks are verified (one comparison per block, no copy unless it changed). */
    static final class Builder {

        private final long checkpoint;
        private final List<Bytes> atCheckpoint;
        private long lastBlock;
        private List<Bytes> current;
        private final List<Change> changes = new ArrayList<>();

        Builder(long checkpoint, Collection<Bytes> pinned) {
            TreeSet<Bytes> sorted = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
            sorted.addAll(pinned);
            this.checkpoint = checkpoint;
            this.atCheckpoint = List.copyOf(sorted);
            this.lastBlock = checkpoint;
            this.current = atCheckpoint;
        }

        void sealed(long block, Collection<Bytes> sealers) {
            if (!(sealers.size() == current.size() && current.containsAll(sealers))) {
                current = List.copyOf(sealers);
                changes.add(new Change(block, current));
            }
            lastBlock = block;
        }

        ValidatorHistory build() {
            return new ValidatorHistory(checkpoint, atCheckpoint, lastBlock, current, changes);
        }
    }
}
