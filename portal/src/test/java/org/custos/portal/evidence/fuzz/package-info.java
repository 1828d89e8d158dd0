/**
 * Fuzzing of the evidence upload's domain (issue 17 item 4; docs/security.md "Fuzzing"): a committed, seeded
 * generator of mutated bundles ({@code BundleMutator}, with {@code ZipForge} for headers the JDK would not write
 * and {@code JsonMutator} for JSON shapes), the test that feeds them to the reader and verifier, and
 * one regression test per finding (the run's figures and input count: org.custos.reports.testing). Test code only.
 */
package org.custos.portal.evidence.fuzz;
