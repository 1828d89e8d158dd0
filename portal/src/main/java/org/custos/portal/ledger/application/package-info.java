/** Ledger use cases for the pages. No Web3j here: the gateway interface hides the adapter. */
package org.custos.portal.ledger.application;
