/**
 * Adapters of the reports area: the register of issued reports in the portal's database (JPA and, for the PDF
 * column, SQL), read access to the verified ledger index for the verify page, and the published trust anchor
 * from configuration. Translate only: the decisions live in the domain and the application services.
 */
package org.custos.portal.reports.infrastructure;
