/**
 * Signed PDF/A-3 compliance reports that carry their own evidence, and the strict verifier of such reports.
 *
 * <p>Render, sign and verify are separate classes. This module depends on PDFBox and BouncyCastle (and
 * ledger-verifier to re-check embedded evidence); it knows nothing of the portal, CDI or JPA. The report
 * types arrive with the reports issue; the module exists now so that the reactor and its dependency
 * direction (portal -&gt; reports -&gt; ledger-verifier) are fixed from day one.
 */
package org.custos.reports;
