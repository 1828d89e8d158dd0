/**
 * The evidence pages ({@code /evidence/*.xhtml}): the bundle upload, its verification running on a managed executor
 * (one at a time per clinic) with its progress, the result and the list of past verifications. Who may upload
 * which clinic's bundle is decided by {@link org.custos.portal.evidence.application.EvidenceService}, on the
 * uploader's request; these classes only translate its results and refusals for the page. Must not depend on the
 * infrastructure packages (JPA, Web3j).
 */
package org.custos.portal.evidence.web;
