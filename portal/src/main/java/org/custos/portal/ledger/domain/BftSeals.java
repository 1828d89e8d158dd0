package org.custos.portal.ledger.domain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.custos.verify.Bytes;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.consensus.BftBlockVerifier;
import org.custos.verify.consensus.BftCommitSealVerifier;
import org.custos.verify.consensus.BftExtraData;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.EcRecover;

/**
 * The finality of one QBFT or IBFT 2.0 block against the validator set in force for it (the set after its parent,
 * from {@link BftReplay}), with ledger-verifier's {@link BftBlockVerifier} (the one rule that
 * {@code SealedChainVerifier} applies too), in this order: extraData in the variant's layout
 * ({@code MALFORMED_EXTRA_DATA}); the block lists exactly that set, ascending ({@code VALIDATOR_SET_MISMATCH}, Besu
 * {@code BftValidatorsValidationRule}); its proposer (coinbase) is one of them ({@code PROPOSER_NOT_VALIDATOR});
 * then {@link BftCommitSealVerifier}: every commit seal recovers to a distinct validator and at least
 * {@code ceil(2n/3)} of them signed ({@code SEAL_UNRECOVERABLE}, {@code SEAL_BY_NON_VALIDATOR},
 * {@code DUPLICATE_COMMITTER}, {@code QUORUM_NOT_REACHED}). The signing validators of an accepted block are returned
 * (for the block page).
 *
 * <p>Recovering a seal's signer is the costly part (about 50 µs natively, several per block). {@link #prepare} lets
 * the sync recover a fetched block's seals on another thread before the block's turn comes; {@link #check} then
 * finds them done. A recovery is a pure function of (commit hash, seal), and it is remembered under exactly those
 * bytes, which {@link #check} computes again from the block it checks: a prepared result can only be used for the
 * same hash and seal, so preparing changes when the work is done, never what is accepted.
 */
public final class BftSeals {

    /** The verdict and, when accepted, the addresses that signed (seal order, lower-case 0x). */
    public record Checked(VerificationResult result, List<String> sealers) {
    }

    private final BftVariant variant;
    private final BftBlockVerifier rule;
    private final Recoveries recover;

    public BftSeals(BftVariant variant) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.recover = new Recoveries(EcRecover.preferred());
        this.rule = new BftBlockVerifier(variant, recover);
    }

    /**
     * Recovers the signers of {@code header}'s seals ahead of {@link #check}, on the calling thread (thread-safe).
     * A header whose extraData does not decode is left alone: {@link #check} reports it with its reason.
     */
    public void prepare(BlockHeader header) {
        try {
            BftExtraData extra = variant.decode(header.get(HeaderField.EXTRA_DATA));
            byte[] commitHash = variant.commitSealHash(header, extra).toArray();
            for (Bytes seal : extra.seals()) {
                recover.recoverPublicKey(commitHash, seal.toArray());
            }
        } catch (RuntimeException e) {
            // checked, with its reason, when the block's turn comes
        }
    }

    /** Seal recoveries remembered under (commit hash, seal) until the block's check has used them. */
    private static final class Recoveries implements EcRecover {

        /** A bound for blocks prepared but never checked (a halted run): then everything is forgotten. */
        private static final int MAX_REMEMBERED = 100_000;

        private final EcRecover delegate;
        private final ConcurrentHashMap<ByteBuffer, Optional<byte[]>> done = new ConcurrentHashMap<>();

        Recoveries(EcRecover delegate) {
            this.delegate = delegate;
        }

        private static ByteBuffer key(byte[] hash32, byte[] signature) {
            return ByteBuffer.allocate(hash32.length + signature.length).put(hash32).put(signature).flip();
        }

        @Override
        public Optional<byte[]> recoverPublicKey(byte[] hash32, byte[] signature) {
            ByteBuffer key = key(hash32, signature);
            Optional<byte[]> known = done.get(key);
            if (known == null) {
                known = delegate.recoverPublicKey(hash32, signature);
                if (done.size() >= MAX_REMEMBERED) {
                    done.clear();
                }
                done.put(key, known);
            }
            return known.map(byte[]::clone);
        }

        void forget(byte[] hash32, byte[] signature) {
            done.remove(key(hash32, signature));
        }

        @Override
        public String name() {
            return delegate.name();
        }
    }

    /** The ledger-verifier variant of a final consensus. */
    public static BftVariant variantOf(ConsensusKind kind) {
        return switch (kind) {
            case QBFT -> BftVariant.QBFT;
            case IBFT2 -> BftVariant.IBFT2;
            default -> throw new IllegalArgumentException(kind + " has no BFT commit seals");
        };
    }

    public BftVariant variant() {
        return variant;
    }

    /**
     * Checks {@code header} against {@code validators}, the set in force for it (not empty), with ledger-verifier's
     * {@link BftBlockVerifier#verify} (the rule {@code SealedChainVerifier} applies), and lists the signers of an
     * accepted block.
     */
    public Checked check(BlockHeader header, SortedSet<Bytes> validators) {
        VerificationResult result = rule.verify(header, validators);
        if (!result.verified()) {
            return rejected(result);
        }
        BftExtraData extra = variant.decode(header.get(HeaderField.EXTRA_DATA));
        byte[] commitHash = variant.commitSealHash(header, extra).toArray();
        List<String> signers = new ArrayList<>(extra.seals().size());
        for (Bytes seal : extra.seals()) {
            // remembered from the check above (or from prepare): not recovered a second time
            signers.add(recover.recoverAddress(commitHash, seal.toArray()).orElseThrow().toHex());
            recover.forget(commitHash, seal.toArray());
        }
        return new Checked(result, List.copyOf(signers));
    }

    private static Checked rejected(VerificationResult result) {
        return new Checked(result, List.of());
    }

    static String hexList(List<Bytes> addresses) {
        return String.join(",", addresses.stream().map(Bytes::toHex).toList());
    }
}
