package org.custos.portal.ledger.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftBlockVerifier;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.MalformedExtraDataException;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.rlp.MalformedRlpException;

/**
 * The QBFT / IBFT 2.0 validator set in force after the verified head, replayed with ledger-verifier's
 * {@link ValidatorSetTracker} (block-header validator mode: votes in extraData, tallies reset at epoch blocks).
 *
 * <p>The tracker is positioned by {@link #start}: from the last epoch block at or below the verified head (the
 * pinned checkpoint is one), over the headers up to the head. Those headers are claims again (the portal does not
 * keep whole headers), so each must hash, with the consensus' block hasher, to the hash stored when the block was
 * verified (the checkpoint: the pinned hash); the epoch block's validator list is then the one checked when it was
 * verified (the checkpoint's: {@code CUSTOS_LEDGER_VALIDATORS} as a set, in any order, each once, by
 * ledger-verifier's {@link BftBlockVerifier#verifyCheckpoint}, as a real genesis lists them in its operator's order).
 * This costs at most one epoch of headers per portal start; votes pending inside an epoch are thus never lost across
 * restarts. Afterwards the sync feeds every verified block with {@link #apply}, across batches.
 */
public final class BftReplay {

    private final BftVariant variant;
    private final HeaderHasher hasher;
    private final long epochLength;
    private final LedgerSettings.Checkpoint checkpoint;
    private final SortedSet<Bytes> pinned = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
    private ValidatorSetTracker tracker;
    private long number = -1;
    private String hash;

    public BftReplay(BftVariant variant, long epochLength, LedgerSettings.Checkpoint checkpoint,
                     List<String> pinnedValidators) {
        this.variant = variant;
        this.hasher = variant.blockHasher();
        this.epochLength = epochLength;
        this.checkpoint = checkpoint;
        pinnedValidators.forEach(v -> pinned.add(Bytes.fromHex(v)));
    }

    /** True when the set in force after block {@code n} with hash {@code h} is known (the tracker is there). */
    public boolean at(long n, String h) {
        return tracker != null && number == n && h.equals(hash);
    }

    /** The first block {@link #start} needs: the last epoch block at or below {@code head}. */
    public long startOf(long head) {
        return Math.max(checkpoint.number(), head - head % epochLength);
    }

    /**
     * Positions the tracker after {@code head} (its verified hash {@code headHash}) from {@code headers}, the node's
     * headers from {@link #startOf}(head) to head in order; {@code verifiedHash} gives the stored verified hash of a
     * block. {@code storedValidators}, when not null, is the set the store recorded after the head: the replay must
     * arrive at it. Returns the failure, or null.
     */
    public BatchVerifier.Failure start(long head, String headHash, List<Map<String, Object>> headers,
                                       LongFunction<Optional<String>> verifiedHash, String storedValidators) {
        tracker = null;
        long first = startOf(head);
        if (headers.size() != head - first + 1) {
            return new BatchVerifier.Failure(first, "replay", ReasonCode.EVIDENCE_MISSING.name(),
                    "headers " + first + ".." + head, (head - first + 1) + " headers", headers.size() + " headers");
        }
        ValidatorSetTracker t = null;
        for (int i = 0; i < headers.size(); i++) {
            long n = first + i;
            Map<String, Object> json = headers.get(i);
            if (json == null) {
                return new BatchVerifier.Failure(n, "replay", ReasonCode.EVIDENCE_MISSING.name(), "block " + n,
                        "the header of a verified block", "no such block");
            }
            try {
                ClaimedHeader claimed = RpcHeaderParser.parse(json);
                BlockHeader header = claimed.header();
                String expected = n == checkpoint.number() ? checkpoint.hash() : verifiedHash.apply(n).orElse(null);
                String actual = hasher.hash(header).toHex();
                if (!header.number().equals(java.math.BigInteger.valueOf(n))) {
                    return new BatchVerifier.Failure(n, "replay", ReasonCode.NUMBER_GAP.name(), "block " + n,
                            Long.toString(n), header.number().toString());
                }
                if (expected == null || !expected.equals(actual)) {
                    return new BatchVerifier.Failure(n, "replay", n == checkpoint.number()
                            ? ReasonCode.CHECKPOINT_MISMATCH.name() : ReasonCode.HASH_MISMATCH.name(),
                            "block " + n + " (already verified) recomputed hash", String.valueOf(expected), actual);
                }
                if (t == null) {
                    List<Bytes> listed = variant.decode(header.get(HeaderField.EXTRA_DATA)).validators();
                    if (n == checkpoint.number()) {
                        // as a set: a genesis lists its validators in the operator's order (BftBlockVerifier)
                        VerificationResult pin = BftBlockVerifier.verifyCheckpoint(variant, header, pinned);
                        if (!pin.verified()) {
                            return new BatchVerifier.Failure(n, "checkpoint", pin.reason().name(),
                                    pin.subject() + " (" + LedgerSettings.VALIDATORS + ")", pin.expected(),
                                    pin.actual());
                        }
                    }
                    if (listed.isEmpty()) {
                        return new BatchVerifier.Failure(n, "replay", ReasonCode.VALIDATOR_SET_MISMATCH.name(),
                                "block " + n + " validators", "a validator set", "none");
                    }
                    t = new ValidatorSetTracker(variant, epochLength, header, listed);
                } else {
                    t.apply(header);
                }
            } catch (RpcFormatException e) {
                return new BatchVerifier.Failure(n, "replay", e.reason().name(), "block " + n + " field "
                        + e.field(), "a hashable header", e.getMessage());
            } catch (MalformedExtraDataException | MalformedRlpException e) {
                return new BatchVerifier.Failure(n, "replay", ReasonCode.MALFORMED_EXTRA_DATA.name(), "block " + n,
                        "extraData in the " + variant + " layout", e.getMessage());
            }
        }
        String replayed = BftSeals.hexList(new ArrayList<>(t.validators()));
        if (storedValidators != null && !storedValidators.equals(replayed)) {
            return new BatchVerifier.Failure(head, "replay", ReasonCode.VALIDATOR_SET_MISMATCH.name(),
                    "validators after block " + head + " (stored at the last sync vs. replayed now)",
                    storedValidators, replayed);
        }
        tracker = t;
        number = head;
        hash = headHash;
        return null;
    }

    /** The set in force for the next block; precondition: positioned. */
    public SortedSet<Bytes> validators() {
        return tracker.validators();
    }

    /** Applies a verified block's votes; precondition: it is the child of the current position. */
    public void apply(BlockHeader header, String blockHash) {
        tracker.apply(header);
        number = header.number().longValueExact();
        hash = blockHash;
    }

    /** Forgets the position (e.g. when the verified prefix of a batch was not stored in full). */
    public void reset() {
        tracker = null;
        number = -1;
        hash = null;
    }
}
