/** Planted violations of the reports architecture rules; imported only by ReportsArchitectureTest. */
package org.custos.reports.archfixture;
