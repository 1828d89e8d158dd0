/**
 * World-state proofs (EIP-1186 {@code eth_getProof}): an account's {@code [nonce, balance, storageHash, codeHash]}
 * under a block's stateRoot (Yellow Paper §4.1), and storage slot values under the account's storageHash, both
 * proven present or proven absent by walking the proof nodes ({@link org.custos.verify.trie.TrieProof}).
 *
 * <p>Depends on the JDK, {@code org.custos.verify}, {@code .rlp}, {@code .trie} and {@code .chain} (strict
 * JSON-RPC values) only. Must not do I/O, log or read a clock. The stateRoot must come from a verified header.
 */
package org.custos.verify.state;
