/**
 * Fuzzing of the signed-report verifier (issue 17 item 4; docs/security.md "Fuzzing"): a committed, seeded
 * generator of mutated signed reports ({@code PdfMutator}), the test that feeds them to
 * {@code SignedReportVerifier}, and one regression test per finding. Test code only.
 */
package org.custos.reports.verify.fuzz;
