/**
 * The strict verifier of signed reports ({@link org.custos.reports.verify.SignedReportVerifier}): whole-file
 * signature coverage, CMS validity, a chain to a configured trust anchor, the timestamp when present, and the
 * embedded evidence against its printed hash. Results are values with stable reason codes, like
 * ledger-verifier's {@code VerificationResult}. Reads no files, no network and no system clock (time comes from
 * an injected {@link java.time.Clock}).
 */
package org.custos.reports.verify;
