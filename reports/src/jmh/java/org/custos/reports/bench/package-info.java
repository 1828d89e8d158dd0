/**
 * JMH benchmarks of the reports module (Maven profile {@code bench}; see docs/performance.md "## Reports").
 * Compiled only with {@code -P bench}, into target/bench/.
 */
package org.custos.reports.bench;
