/**
 * The Custos portal (the WAR). Each area ({@code trail}, {@code ledger}, {@code home}, ...) is split into
 * {@code domain} (entities, value types, pure rules), {@code application} (transactional services that check
 * roles), {@code infrastructure} (JPA, Web3j: adapters that only translate) and {@code web} (backing beans whose
 * package mirrors the page path). Only {@code ledger.infrastructure} imports {@code org.web3j}.
 */
package org.custos.portal;
