/**
 * The world Custos audits: the consortium's Solidity contracts and a deterministic simulator of clinics
 * that writes a history (with planted violations and their ground truth) to a ledger node.
 *
 * <p>This module writes to the ledger; the portal never does, and the portal must not depend on it (its
 * tests may). The contracts are in {@code src/main/solidity} (built to {@code /contracts/} on the classpath),
 * the Web3j writer in {@code chain}, the simulator in {@code sim}; see docs/consortium.md.
 */
package org.custos.consortium;
