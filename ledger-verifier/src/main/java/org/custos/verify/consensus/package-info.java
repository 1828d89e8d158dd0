/**
 * Consensus-specific rules: the onchain block hash of Besu QBFT and IBFT 2.0 blocks (extraData with the commit
 * seals, and for IBFT 2.0 the round, removed), strict extraData decoding ({@link
 * org.custos.verify.consensus.BftVariant}), secp256k1 public-key recovery, BFT commit seals and quorum, Clique
 * (EIP-225) signers, validator-set replay from block-header votes, {@link
 * org.custos.verify.consensus.BftBlockVerifier} (the one per-block BFT rule, and the pinned checkpoint's set check,
 * also called by the portal's sync), and {@link org.custos.verify.consensus.SealedChainVerifier}, which combines the
 * hash chain with the seal checks.
 *
 * <p>Malformed extraData throws {@link org.custos.verify.consensus.MalformedExtraDataException}; a seal that
 * fails is a rejected {@code VerificationResult}. The chain verifier turns the exception into
 * {@code MALFORMED_EXTRA_DATA} for the block concerned.
 *
 * <p>Depends on the JDK, BouncyCastle (EC arithmetic), ACINQ's secp256k1-kmp binding of libsecp256k1 (seal
 * recovery, {@link org.custos.verify.consensus.NativeEcRecover}; the binding extracts and loads its shared library
 * itself), {@code org.custos.verify}, {@code .rlp} and {@code .chain}. Must not do I/O, log, or read a clock.
 */
package org.custos.verify.consensus;
