/**
 * The compliance pages ({@code /compliance/*.xhtml}): the findings dashboard (counts grouped in the database,
 * filters, a lazy table, export links), one finding with its rule's catalogue text and its proof path, and a
 * clinic's readiness. Backing beans call {@link org.custos.portal.compliance.application.ComplianceService},
 * which scopes every query by the caller's role and token clinic; they hold no decision about who sees what.
 * Must not depend on the infrastructure packages (JPA, Web3j).
 */
package org.custos.portal.compliance.web;
