/**
 * Evidence transcripts ({@code custos-evidence/1} and {@code /2}): a self-contained JSON document with the chain
 * parameters, block headers and bodies, claimed events, EIP-1186 proofs and RFC 9162 proofs (version 2: anchored in
 * proven events, with leaves) and KMS deletion receipts (version 2: bound to the clinic's proven attestation key),
 * re-verified here from scratch (nothing in it is trusted). Blocks are verified one at a time, so a caller can
 * stream them. The format is documented in {@code docs/verification.md}.
 *
 * <p>Pure: takes the parsed JSON (maps, lists, strings; a caller-supplied reader for receipts' JSON) and returns
 * a {@link org.custos.verify.evidence.EvidenceReport}. Depends on the other verifier packages; must not do I/O, log or read a clock (the {@code cli} package reads files,
 * fetches from nodes and measures time).
 */
package org.custos.verify.evidence;
