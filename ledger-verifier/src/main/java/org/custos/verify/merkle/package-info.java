/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle trees over SHA-256: tree hashing (§2.1.1), inclusion proofs
 * (§2.1.3) and consistency proofs (§2.1.4). This is the tree Custos anchors its audit log with.
 *
 * <p>Generation ({@link org.custos.verify.merkle.MerkleTree}) and verification
 * ({@link org.custos.verify.merkle.InclusionProofVerifier}, {@link org.custos.verify.merkle.ConsistencyProofVerifier})
 * are separate; verification is split into compute ({@code rootFrom...}) and compare ({@code verify...}).
 *
 * <p>Depends on the JDK and {@code org.custos.verify} only. Must not do I/O, log, or read a clock.
 */
package org.custos.verify.merkle;
