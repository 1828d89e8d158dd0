/**
 * Signed reports in the portal: the register of issued reports ({@link org.custos.portal.reports.domain.IssuedReport},
 * {@link org.custos.portal.reports.domain.ReportRegister}) and the pure checks the verify page runs on an uploaded
 * report's embedded evidence ({@link org.custos.portal.reports.domain.EvidenceBlocks},
 * {@link org.custos.portal.reports.domain.LedgerMatch}). Plain Java and JPA mappings: no CDI, no services.
 */
package org.custos.portal.reports.domain;
