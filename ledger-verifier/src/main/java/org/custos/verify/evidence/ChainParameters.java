package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.SealedChainVerifier;

/**
 * What a verifier pins out of band: the consensus protocol, the checkpoint block (number and hash) and, for BFT
 * and Clique, the validator (signer) set in force at the checkpoint, and the BFT epoch length.
 */
public record ChainParameters(String consensus, BigInteger checkpointNumber, Bytes checkpointHash,
                              List<Bytes> validators, long epochLength) {

    public static final List<String> CONSENSUS = List.of("qbft", "ibft2", "clique", "dev");

    public ChainParameters {
        if (!CONSENSUS.contains(consensus)) {
            throw new IllegalArgumentException("consensus must be one of " + CONSENSUS + ": " + consensus);
        }
        if (checkpointHash.length() != 32) {
            throw new IllegalArgumentException("checkpoint hash must be 32 bytes");
        }
        validators = List.copyOf(validators);
        if (!consensus.equals("dev") && validators.isEmpty()) {
            throw new IllegalArgumentException(consensus + " needs the validator set of the checkpoint");
        }
    }

    /** The sealed-chain verifier for these parameters ({@code dev}: hash chain only). */
    public SealedChainVerifier chainVerifier() {
        Set<Bytes> set = Set.copyOf(validators);
        return switch (consensus) {
            case "qbft" -> SealedChainVerifier.bft(BftVariant.QBFT, epochLength, set);
            case "ibft2" -> SealedChainVerifier.bft(BftVariant.IBFT2, epochLength, set);
            case "clique" -> SealedChainVerifier.clique(set);
            default -> SealedChainVerifier.hashChainOnly(HeaderHasher.ETHEREUM);
        };
    }
}
