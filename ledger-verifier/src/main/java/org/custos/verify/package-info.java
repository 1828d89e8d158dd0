/**
 * Verification result types and the byte/hex value types shared by every verifier.
 *
 * <p>The verifier core takes bytes and records in and returns verdicts out. It never fetches, opens files,
 * reads a clock, logs, or touches JPA or CDI; only the {@code cli} package may do I/O.
 */
package org.custos.verify;
