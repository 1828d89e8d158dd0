/** What the portal knows about the ledger. Plain values; no Web3j types leak past the adapter. */
package org.custos.portal.ledger.domain;
