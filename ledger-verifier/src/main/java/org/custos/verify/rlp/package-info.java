/**
 * Recursive Length Prefix (RLP) codec, Yellow Paper Appendix B, with a strict decoder.
 *
 * <p>The decoder accepts only the canonical encoding: a byte below {@code 0x80} must stand for itself, lengths
 * have no leading zero bytes, the long form is used only for payloads of 56 bytes or more, and items fit their
 * enclosing list and the input exactly. Anything else throws {@link org.custos.verify.rlp.MalformedRlpException}.
 *
 * <p>Depends on the JDK only. Must not depend on any other verifier package, I/O, logging or a clock.
 */
package org.custos.verify.rlp;
