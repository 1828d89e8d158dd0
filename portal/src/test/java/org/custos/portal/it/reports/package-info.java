/**
 * Browser tests of the portal's signed reports (issue 14): issuing, the register, downloads, the verify page and
 * clinic scope, each downloaded PDF checked with {@link org.custos.portal.reports.testing.ReportConformance}.
 */
package org.custos.portal.it.reports;
