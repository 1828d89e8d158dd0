/**
 * Conformance tests against independent implementations: veraPDF (PDF/A-3b), poppler's pdfsig with an NSS
 * database, and EU DSS 6.4 (PAdES baseline B and T; its own JVM with BouncyCastle 1.84). They read the corpus
 * made by {@link org.custos.reports.testing.ConformanceCorpus}.
 */
package org.custos.reports.conformance;
