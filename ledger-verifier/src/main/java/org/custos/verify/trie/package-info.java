/**
 * Merkle Patricia trie roots (Yellow Paper Appendix D): hex-prefix encoding (Appendix C), in-memory root hashing
 * of a complete key/value set, the secure variant (keys hashed with Keccak-256) and the ordered-index trie
 * (key = RLP(index)) used for the transactions, receipts and withdrawals roots of a block header.
 *
 * <p>Depends on the JDK, {@code org.custos.verify} and {@code org.custos.verify.rlp} only. Must not do I/O,
 * log, read a clock, or keep a node store: roots are recomputed from the full set every time.
 */
package org.custos.verify.trie;
