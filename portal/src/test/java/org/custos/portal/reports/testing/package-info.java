/**
 * Conformance of the signed reports the portal issues, for its tests: {@link
 * org.custos.portal.reports.testing.ReportConformance} runs veraPDF (PDF/A-3b), EU DSS (PAdES baseline level, in a JVM
 * of its own with BouncyCastle 1.84), pdfsig, Custos's verifier and ledger-verifier's {@code transcript --rpc} on
 * a downloaded file; {@link org.custos.portal.reports.testing.ReportsTsa} is the tests' RFC 3161 timestamp
 * authority on 127.0.0.1:18318.
 */
package org.custos.portal.reports.testing;
