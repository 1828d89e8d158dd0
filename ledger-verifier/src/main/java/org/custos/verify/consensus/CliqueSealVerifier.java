package org.custos.verify.consensus;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;

/**
 * The signer of a Clique block (EIP-225; Besu {@code CliqueBlockHashing}, geth {@code clique.SealHash}).
 * extraData = vanity(32) ‖ [signers on checkpoint blocks] ‖ seal(65). The seal signs
 * KEC(RLP(header with extraData minus its last 65 bytes)); the block hash itself is the plain KEC(RLP(header)).
 *
 * <p>Proves: a key of the given authorised set signed this header. Does not prove: the authorised set (pinned
 * by the caller; Clique signer voting is not replayed), in-turn difficulty, or the signer's recent-block limit.
 */
public final class CliqueSealVerifier {

    private static final int VANITY = 32;

    /**
     * The address that signed the header, or empty if the seal is not recoverable.
     *
     * @throws MalformedExtraDataException if extraData is shorter than vanity + seal (97 bytes)
     */
    public Optional<Bytes> recoverSigner(BlockHeader header) {
        byte[] extra = header.get(HeaderField.EXTRA_DATA).toArray();
        if (extra.length < VANITY + Secp256k1Recovery.SIGNATURE_LENGTH) {
            throw new MalformedExtraDataException("Clique extraData must hold a 32-byte vanity and a 65-byte seal");
        }
        int sealStart = extra.length - Secp256k1Recovery.SIGNATURE_LENGTH;
        BlockHeader unsealed = header.with(HeaderField.EXTRA_DATA, Bytes.of(Arrays.copyOf(extra, sealStart)));
        byte[] sealHash = Hashes.keccak256(unsealed.rlp());
        return EcRecover.preferred().recoverAddress(sealHash, Arrays.copyOfRange(extra, sealStart, extra.length));
    }

    /** {@code SEAL_UNRECOVERABLE} or {@code SEAL_BY_NON_VALIDATOR} (signer not authorised), else verified. */
    public VerificationResult verify(BlockHeader header, Set<Bytes> authorisedSigners) {
        String subject = "block " + header.number() + " clique seal";
        Optional<Bytes> signer = recoverSigner(header);
        if (signer.isEmpty()) {
            return VerificationResult.rejected(ReasonCode.SEAL_UNRECOVERABLE, subject,
                    "a secp256k1 signature", "unrecoverable");
        }
        if (!authorisedSigners.contains(signer.get())) {
            return VerificationResult.rejected(ReasonCode.SEAL_BY_NON_VALIDATOR, subject,
                    "an authorised signer", signer.get().toHex());
        }
        return VerificationResult.ok();
    }
}
