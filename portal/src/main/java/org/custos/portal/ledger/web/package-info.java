/**
 * Backing beans and converters of the ledger pages ({@code /ledger/*.xhtml}): load, call
 * {@link org.custos.portal.ledger.application.LedgerService}, expose the result. They hold no decisions about who
 * sees what: the service scopes every clinic query by the caller's role and token, and refuses other callers. Must
 * not depend on the ledger's infrastructure (Web3j, JPA).
 */
package org.custos.portal.ledger.web;
