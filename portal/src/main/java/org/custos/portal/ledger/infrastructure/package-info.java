/**
 * The portal's ledger adapter: the only package that imports {@code org.web3j}. It translates JSON-RPC
 * answers into plain values and takes no decisions. It holds no keys and calls read methods only.
 */
package org.custos.portal.ledger.infrastructure;
