/**
 * Test-only fixtures that deliberately break the verifier-core rule, so that {@code VerifierArchitectureTest} can
 * prove its rule catches violations. Imported only by that test, never by the production-class import.
 */
package org.custos.verify.archfixture;
