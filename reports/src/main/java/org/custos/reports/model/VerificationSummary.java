package org.custos.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * What the ledger verification established for the report's period.
 *
 * @param fromBlock        first block verified (the pinned checkpoint)
 * @param toBlock          last block verified
 * @param pinnedCheckpoint hash of the checkpoint block, pinned out of band
 * @param lastVerifiedHash recomputed hash of {@code toBlock}
 * @param consensus        {@code qbft}, {@code ibft2}, {@code clique} or {@code dev}
 * @param validators       validator addresses in force at the checkpoint
 * @param verdict          the verifier's one-line verdict
 */
public record VerificationSummary(long fromBlock, long toBlock, String pinnedCheckpoint, String lastVerifiedHash,
                                  String consensus, List<String> validators, String verdict) {

    public VerificationSummary {
        if (fromBlock < 0 || toBlock < fromBlock) {
            throw new IllegalArgumentException("need 0 <= fromBlock <= toBlock");
        }
        Objects.requireNonNull(pinnedCheckpoint, "pinnedCheckpoint");
        Objects.requireNonNull(lastVerifiedHash, "lastVerifiedHash");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(verdict, "verdict");
        validators = List.copyOf(validators);
    }
}
