/**
 * The deterministic consortium simulator: from a seed, a size (clinics, patients, months) and violation rates it
 * plans a dated history of ledger writes with planted violations without touching a node
 * ({@link org.custos.consortium.sim.Simulator#plan}), plays the plan against an anvil node at the simulated block
 * times ({@link org.custos.consortium.sim.SimulationRun}) and writes the ground truth
 * ({@link org.custos.consortium.sim.GroundTruth}); {@link org.custos.consortium.sim.Simulate} is the command.
 *
 * <p>Nothing personal reaches the chain: identifiers are random, commitments and subject pseudonyms are
 * HMAC-SHA-256 under a per-clinic key that stays off-chain, access-log checkpoints are RFC 9162 roots (ledger-
 * verifier's {@code MerkleTree}) over generated log entries. No wall clock and no shared random source: the same
 * parameters give the same plan, byte for byte.
 */
package org.custos.consortium.sim;
