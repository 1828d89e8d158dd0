/**
 * The start of the deterministic consortium simulator: from a seed and a size (clinics, patients, months) it
 * plans a history of ledger writes without touching a node ({@link org.custos.consortium.sim.Simulator#plan}),
 * then plays the plan against a node ({@link org.custos.consortium.sim.SimulationRun}).
 *
 * <p>Nothing personal reaches the chain: identifiers are random, commitments and subject pseudonyms are
 * HMAC-SHA-256 under a per-clinic key that stays off-chain, access-log checkpoints are RFC 9162 roots (ledger-
 * verifier's {@code MerkleTree}) over generated log entries. No wall clock and no shared random source: the same
 * parameters give the same plan, byte for byte.
 */
package org.custos.consortium.sim;
