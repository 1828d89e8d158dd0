package org.custos.verify.consensus;

/**
 * The extraData of a header does not have the exact layout its consensus protocol defines (Besu
 * {@code QbftExtraDataCodec}, {@code IbftExtraDataCodec}; EIP-225 for Clique). Malformed input throws; a
 * well-formed header whose seals fail is a rejected {@code VerificationResult} instead.
 * {@link SealedChainVerifier} reports this exception as {@code MALFORMED_EXTRA_DATA} for the block concerned.
 */
public final class MalformedExtraDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedExtraDataException(String message) {
        super(message);
    }

    public MalformedExtraDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
