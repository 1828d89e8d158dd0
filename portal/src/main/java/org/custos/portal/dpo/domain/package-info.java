/**
 * The DPO's workspace (issue 15), domain: data-subject requests and what proves their handling: the KMS deletion
 * receipt rule ({@link org.custos.portal.dpo.domain.KmsReceiptVerifier}), a request's keys from proven events
 * ({@link org.custos.portal.dpo.domain.RequestKeys}), the erasure verdict
 * ({@link org.custos.portal.dpo.domain.ErasureVerdict}) and the case history's entries
 * ({@link org.custos.portal.dpo.domain.CaseEvent}, an entity, as the findings are). No container services, no
 * queries, no pages.
 */
package org.custos.portal.dpo.domain;
