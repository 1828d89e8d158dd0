/**
 * The DPO's workspace, its model: the request queue's rows ({@link org.custos.portal.dpo.domain.DsrRequest},
 * projected from proven events with {@link org.custos.portal.compliance.domain.RequestClock}) and query, the KMS
 * deletion receipt rule ({@link org.custos.portal.dpo.domain.KmsReceiptVerifier}), a request's keys from proven
 * events ({@link org.custos.portal.dpo.domain.RequestKeys}), the erasure verdict
 * ({@link org.custos.portal.dpo.domain.ErasureVerdict}) and the case history's entries
 * ({@link org.custos.portal.dpo.domain.CaseEvent}). Plain Java and JPA mappings; no service, page or container.
 */
package org.custos.portal.dpo.domain;
