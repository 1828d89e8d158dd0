/**
 * Signed PDF/A-3 compliance reports that carry their own evidence, and the strict verifier of such reports
 * (docs/reports.md).
 *
 * <p>Sub-packages: {@code model} (plain records), {@code render} (PDF/A-3b), {@code sign} (PAdES B-B/B-T),
 * {@code verify} ({@code SignedReportVerifier}), {@code cli} ({@code verify-report}, the only I/O). Render, sign
 * and verify are separate classes; time comes from an injected {@link java.time.Clock}. Depends on PDFBox,
 * BouncyCastle and ledger-verifier; knows nothing of the portal, CDI or JPA.
 */
package org.custos.reports;
