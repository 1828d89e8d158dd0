/**
 * Evidence transcripts ({@code custos-evidence/1}): a self-contained JSON document with the chain parameters,
 * block headers and bodies, claimed events, EIP-1186 proofs and RFC 9162 proofs, re-verified here from scratch
 * (nothing in it is trusted). The format is documented in {@code docs/verification.md}.
 *
 * <p>Pure: takes the parsed JSON (maps, lists, strings) and returns a {@link org.custos.verify.evidence.EvidenceReport}.
 * Depends on the other verifier packages; must not do I/O, log or read a clock (the {@code cli} package reads files,
 * fetches from nodes and measures time).
 */
package org.custos.verify.evidence;
