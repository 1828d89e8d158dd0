/**
 * Exports for regulators and clinics: findings and a data subject's accounting of disclosures, as CSV
 * (RFC 4180, UTF-8, spreadsheet-formula cells neutralised) and as FHIR R4 collection Bundles of AuditEvent and
 * Provenance resources that point at the proofs (docs/exports.md). Pure formatting: rows and resources are made
 * from values the application layer read in the caller's scope; nothing here queries, checks roles or decides
 * scope. Depends on the compliance and ledger domain types and HAPI FHIR structures only; never on JPA, CDI,
 * the servlet API or the application layer.
 */
package org.custos.portal.compliance.export;
