/**
 * JMH benchmarks of the verifier (Maven profile {@code bench} only; see docs/performance.md). Fixtures are built
 * in setup methods from the real mainnet Cancun block 21925176 and from synthetic QBFT chains signed with known
 * keys; every fixture is verified once before it is measured, so a benchmark never times a rejection.
 *
 * <p>Outside {@code org.custos.verify}: this package may read classpath resources; it is never part of a release.
 */
package org.custos.bench;
