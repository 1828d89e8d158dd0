package org.custos.verify.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.rlp.MalformedRlpException;

/**
 * The BFT rules for one QBFT or IBFT 2.0 header: the one place that says what a block's validator list, proposer
 * and seals must be. {@link SealedChainVerifier} (the CLI, transcripts) and the portal's sync both call it.
 *
 * <p>{@link #verify}, for a block after the checkpoint, in this order: extraData in the variant's layout
 * ({@code MALFORMED_EXTRA_DATA}); the block lists exactly the set in force after its parent, ascending, each once
 * ({@code VALIDATOR_SET_MISMATCH}, Besu {@code BftValidatorsValidationRule}); its coinbase is one of them
 * ({@code PROPOSER_NOT_VALIDATOR}, Besu {@code BftCoinbaseValidationRule}); then {@link BftCommitSealVerifier}
 * (commit seals and quorum). Proves: this header was committed by a quorum of the given set and lists it as Besu
 * lists it. Does not prove: that the given set is the right one (the caller replays it with
 * {@link ValidatorSetTracker}), the hash chain, or the block's contents.
 *
 * <p>{@link #verifyCheckpoint}, for the pinned checkpoint block itself (genesis or an epoch block): its validator
 * list holds the pinned set as a set, in any order: every pinned validator, none twice, none other
 * ({@code VALIDATOR_SET_MISMATCH}). Order is not checked there because Besu does not validate the genesis header:
 * a real genesis lists the validators in the order its operator wrote them, and Besu sorts them only in the blocks
 * it builds (block 1 on). The checkpoint's own seals are not checked either: it is trusted out of band by its
 * pinned hash, which the caller checks. So the checkpoint check proves only that the block pinned by hash names
 * exactly the validators pinned; the ascending rule applies from the block after it.
 *
 * <p>Malformed extraData is a rejected result here, never an exception.
 */
public final class BftBlockVerifier {

    private final BftVariant variant;
    private final BftCommitSealVerifier seals;

    /** Recovers seals with {@link EcRecover#preferred()}. */
    public BftBlockVerifier(BftVariant variant) {
        this(variant, EcRecover.preferred());
    }

    /** Recovers seals with {@code recover} (the portal passes one that remembers recoveries made ahead). */
    public BftBlockVerifier(BftVariant variant, EcRecover recover) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.seals = new BftCommitSealVerifier(variant, recover);
    }

    public BftVariant variant() {
        return variant;
    }

    /**
     * A block after the checkpoint against {@code validatorsAfterParent}, the set in force for it.
     * Precondition: the set is not empty.
     */
    public VerificationResult verify(BlockHeader header, SortedSet<Bytes> validatorsAfterParent) {
        String subject = "block " + header.number();
        try {
            List<Bytes> listed = variant.decode(header.get(HeaderField.EXTRA_DATA)).validators();
            List<Bytes> expected = new ArrayList<>(validatorsAfterParent);
            if (!listed.equals(expected)) {
                return VerificationResult.rejected(ReasonCode.VALIDATOR_SET_MISMATCH, subject + " validators",
                        format(expected), format(listed));
            }
            Bytes proposer = header.get(HeaderField.BENEFICIARY);
            if (!validatorsAfterParent.contains(proposer)) {
                return VerificationResult.rejected(ReasonCode.PROPOSER_NOT_VALIDATOR, subject + " coinbase",
                        "a validator of the parent", proposer.toHex());
            }
            return seals.verify(header, validatorsAfterParent);
        } catch (MalformedExtraDataException | MalformedRlpException e) {
            return malformed(variant, subject, e);
        }
    }

    /**
     * The pinned checkpoint lists the pinned set: the same members, each once, in any order (see the class
     * comment for why order is free here). Precondition: {@code pinned} is not empty and the caller has checked
     * the checkpoint's hash against the pinned hash.
     */
    public static VerificationResult verifyCheckpoint(BftVariant variant, BlockHeader checkpoint,
                                                      Set<Bytes> pinned) {
        if (pinned.isEmpty()) {
            throw new IllegalArgumentException("empty validator set");
        }
        String subject = "block " + checkpoint.number() + " validators";
        List<Bytes> listed;
        try {
            listed = variant.decode(checkpoint.get(HeaderField.EXTRA_DATA)).validators();
        } catch (MalformedExtraDataException | MalformedRlpException e) {
            return malformed(variant, "block " + checkpoint.number(), e);
        }
        Set<Bytes> seen = new HashSet<>();
        Set<Bytes> twice = new LinkedHashSet<>();
        for (Bytes v : listed) {
            if (!seen.add(v)) {
                twice.add(v);
            }
        }
        if (twice.isEmpty() && seen.equals(pinned)) {
            return VerificationResult.ok();
        }
        return VerificationResult.rejected(ReasonCode.VALIDATOR_SET_MISMATCH, subject,
                "the pinned set " + format(sorted(pinned)) + ", each once, in any order",
                format(listed) + differences(pinned, seen, twice));
    }

    private static String differences(Set<Bytes> pinned, Set<Bytes> listed, Set<Bytes> twice) {
        SortedSet<Bytes> missing = sorted(pinned);
        missing.removeAll(listed);
        SortedSet<Bytes> extra = sorted(listed);
        extra.removeAll(pinned);
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + format(missing));
        }
        if (!extra.isEmpty()) {
            parts.add("not pinned " + format(extra));
        }
        if (!twice.isEmpty()) {
            parts.add("listed more than once " + format(twice));
        }
        return " (" + String.join("; ", parts) + ")";
    }

    private static SortedSet<Bytes> sorted(Collection<Bytes> set) {
        SortedSet<Bytes> sorted = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
        sorted.addAll(set);
        return sorted;
    }

    /** How a validator list appears in {@code expected} and {@code actual}: {@code [0x.., 0x..]}, in its order. */
    public static String format(Collection<Bytes> validators) {
        return new ArrayList<>(validators).toString();
    }

    private static VerificationResult malformed(BftVariant variant, String subject, RuntimeException e) {
        return VerificationResult.rejected(ReasonCode.MALFORMED_EXTRA_DATA, subject,
                "extraData in the " + variant + " layout", e.getMessage());
    }
}
