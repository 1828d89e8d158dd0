/**
 * Evidence bundles (custos-bundle/1): streaming reader with upload limits, FHIR AuditEvent parsing, leaf hashes
 * and RFC 9162 proofs off the heap, verification against the clinic's proven events. Plain Java, no container.
 */
package org.custos.portal.evidence.domain;
