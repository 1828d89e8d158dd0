package org.custos.verify.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;

/**
 * Verifies a contiguous segment of a chain, starting at a pinned checkpoint (Yellow Paper §4.3: parentHash is the
 * KEC hash of the parent's header; number is the parent's number plus one).
 *
 * <p>For each header, in order: the recomputed hash equals the node's claimed hash ({@code HASH_MISMATCH});
 * the first header's recomputed hash equals the checkpoint ({@code CHECKPOINT_MISMATCH}); every later header
 * has number = previous + 1 ({@code NUMBER_GAP}) and parentHash = the previous recomputed hash
 * ({@code PARENT_MISMATCH}). The first failure is reported.
 *
 * <p>What this does not prove: that the checkpoint is on the canonical chain, that the state and bodies are
 * valid, or that consensus sealed the blocks (seal checks live in {@code consensus}).
 *
 * <p><b>The anchoring rule</b> (one rule for the CLI's transcripts and the portal's sync): a segment is anchored
 * by a hash pinned out of band, and nothing else is required of the block behind it. Where its header is at hand
 * (a transcript's first block) it is parsed with {@link RpcHeaderParser#parseCheckpoint}, whatever fork field
 * combination it has, and must recompute to the pin ({@link #verifyStep} with no previous header); where it is
 * not (the portal's checkpoint or verified head), the next block must link to the pin
 * ({@link #verifyChildOfAnchor}).
 */
public final class HashChainVerifier {

    private final HeaderHasher hasher;

    public HashChainVerifier(HeaderHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * Verifies headers parsed from JSON-RPC maps (see {@link RpcHeaderParser}). A header that cannot be parsed is
     * rejected with its reason ({@code UNKNOWN_FIELD}, {@code MISSING_FIELD}, {@code MALFORMED_FIELD},
     * {@code IMPOSSIBLE_FIELD_COMBINATION}) and is never hashed.
     */
    public VerificationResult verifyRpc(Bytes checkpointHash, List<? extends Map<String, ?>> blocks) {
        List<ClaimedHeader> headers = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            try {
                headers.add(RpcHeaderParser.parse(blocks.get(i)));
            } catch (RpcFormatException e) {
                return VerificationResult.rejected(e.reason(), "block[" + i + "]." + e.field(),
                        "a hashable header", e.getMessage());
            }
        }
        return verify(checkpointHash, headers);
    }

    /** Verifies already parsed headers; precondition: {@code checkpointHash} is 32 bytes. */
    public VerificationResult verify(Bytes checkpointHash, List<ClaimedHeader> chain) {
        if (chain.isEmpty()) {
            return VerificationResult.rejected(ReasonCode.EMPTY_CHAIN, "chain", "at least one header", "none");
        }
        ClaimedHeader previous = null;
        for (ClaimedHeader claimed : chain) {
            VerificationResult step = verifyStep(checkpointHash, previous, claimed);
            if (!step.verified()) {
                return step;
            }
            previous = claimed;
        }
        return VerificationResult.ok();
    }

    /**
     * One step of {@link #verify}: {@code current}'s recomputed hash equals its claimed hash; if {@code previous}
     * is null, it equals the checkpoint, else {@code current} follows {@code previous} (number + 1, parentHash).
     * Precondition: {@code previous}, if given, passed this check itself (so its claimed hash is its recomputed
     * hash).
     */
    public VerificationResult verifyStep(Bytes checkpointHash, ClaimedHeader previous, ClaimedHeader current) {
        BlockHeader header = current.header();
        Bytes hash = hasher.hash(header);
        if (!hash.equals(current.claimedHash())) {
            return rejected(ReasonCode.HASH_MISMATCH, "block " + header.number(), current.claimedHash(), hash);
        }
        if (previous == null) {
            return hash.equals(checkpointHash) ? VerificationResult.ok()
                    : rejected(ReasonCode.CHECKPOINT_MISMATCH, "block " + header.number(), checkpointHash, hash);
        }
        BigInteger expectedNumber = previous.header().number().add(BigInteger.ONE);
        if (!header.number().equals(expectedNumber)) {
            return VerificationResult.rejected(ReasonCode.NUMBER_GAP, "block " + header.number(), expectedNumber.toString(),
                    header.number().toString());
        }
        if (!header.parentHash().equals(previous.claimedHash())) {
            return rejected(ReasonCode.PARENT_MISMATCH, "block " + header.number(), previous.claimedHash(), header.parentHash());
        }
        return VerificationResult.ok();
    }

    /**
     * The first block after a head known only by its number and hash (the pinned checkpoint, or a verified head
     * whose header is not at hand): its recomputed hash equals its claimed hash ({@code HASH_MISMATCH}), its
     * number is the head's plus one ({@code NUMBER_GAP}) and its parentHash the head's hash
     * ({@code PARENT_MISMATCH}).
     */
    public VerificationResult verifyChildOfAnchor(BigInteger anchorNumber, Bytes anchorHash, ClaimedHeader current) {
        BlockHeader header = current.header();
        Bytes hash = hasher.hash(header);
        if (!hash.equals(current.claimedHash())) {
            return rejected(ReasonCode.HASH_MISMATCH, "block " + header.number(), current.claimedHash(), hash);
        }
        BigInteger expectedNumber = anchorNumber.add(BigInteger.ONE);
        if (!header.number().equals(expectedNumber)) {
            return VerificationResult.rejected(ReasonCode.NUMBER_GAP, "block " + header.number(),
                    expectedNumber.toString(), header.number().toString());
        }
        if (!header.parentHash().equals(anchorHash)) {
            return rejected(ReasonCode.PARENT_MISMATCH, "block " + header.number(), anchorHash,
                    header.parentHash());
        }
        return VerificationResult.ok();
    }

    private static VerificationResult rejected(ReasonCode reason, String subject, Bytes expected, Bytes actual) {
        return VerificationResult.rejected(reason, subject, expected.toHex(), actual.toHex());
    }
}
