package org.custos.verify.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;

/**
 * Finality of one QBFT or IBFT 2.0 block: its commit seals (Besu {@code BftCommitSealsValidationRule}).
 *
 * <p>Each seal is recovered over the variant's commit-seal hash (actual round, seals removed; see
 * {@link BftVariant#commitSealHash}). In seal order, the first failure is reported: {@code SEAL_UNRECOVERABLE},
 * {@code SEAL_BY_NON_VALIDATOR} (signer not in the validator set after the parent),
 * {@code DUPLICATE_COMMITTER}. Then the number of distinct committers must reach
 * {@code ceil(2n/3)} (Besu {@code BftHelpers.calculateRequiredValidatorQuorum}), else {@code QUORUM_NOT_REACHED}.
 *
 * <p>Proves: at least a BFT quorum of the given validator set signed exactly this header in its round.
 * Does not prove: that the given set is the right one (see {@link ValidatorSetTracker}), the hash chain, or
 * that the block's contents are valid.
 */
public final class BftCommitSealVerifier {

    private final BftVariant variant;
    private final EcRecover recover;

    /** Recovers seals with {@link EcRecover#preferred()} (native libsecp256k1 where it loads). */
    public BftCommitSealVerifier(BftVariant variant) {
        this(variant, EcRecover.preferred());
    }

    /** Recovers seals with the given implementation (all give the same results; see {@link EcRecover}). */
    public BftCommitSealVerifier(BftVariant variant, EcRecover recover) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.recover = Objects.requireNonNull(recover, "recover");
    }

    /** ceil(2n/3) (Besu {@code BftHelpers.calculateRequiredValidatorQuorum}). */
    public static int quorum(int validatorCount) {
        return (2 * validatorCount + 2) / 3;
    }

    /**
     * @param validatorsAfterParent the validator set in force for this block; precondition: not empty
     * @throws MalformedExtraDataException if the header's extraData is not this variant's layout
     */
    public VerificationResult verify(BlockHeader header, Set<Bytes> validatorsAfterParent) {
        if (validatorsAfterParent.isEmpty()) {
            throw new IllegalArgumentException("an empty validator set has no quorum");
        }
        BftExtraData extra = variant.decode(header.get(HeaderField.EXTRA_DATA));
        byte[] commitHash = variant.commitSealHash(header, extra).toArray();
        String block = "block " + header.number();
        Set<Bytes> committers = new HashSet<>();
        List<Bytes> seals = extra.seals();
        for (int i = 0; i < seals.size(); i++) {
            String subject = block + " seal " + i;
            Optional<Bytes> signer = recover.recoverAddress(commitHash, seals.get(i).toArray());
            if (signer.isEmpty()) {
                return VerificationResult.rejected(ReasonCode.SEAL_UNRECOVERABLE, subject,
                        "a secp256k1 signature", seals.get(i).toHex());
            }
            if (!validatorsAfterParent.contains(signer.get())) {
                return VerificationResult.rejected(ReasonCode.SEAL_BY_NON_VALIDATOR, subject,
                        "a validator of the parent", signer.get().toHex());
            }
            if (!committers.add(signer.get())) {
                return VerificationResult.rejected(ReasonCode.DUPLICATE_COMMITTER, subject,
                        "a committer not seen before", signer.get().toHex());
            }
        }
        int required = quorum(validatorsAfterParent.size());
        if (committers.size() < required) {
            return VerificationResult.rejected(ReasonCode.QUORUM_NOT_REACHED, block,
                    required + " of " + validatorsAfterParent.size(), String.valueOf(committers.size()));
        }
        return VerificationResult.ok();
    }
}
