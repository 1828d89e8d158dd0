/**
 * The DPO's workspace (issue 15), domain: data-subject requests and what proves their handling, such as the KMS
 * deletion receipt rule ({@link org.custos.portal.dpo.domain.KmsReceiptVerifier}) and a request's keys from proven
 * events ({@link org.custos.portal.dpo.domain.RequestKeys}). Plain Java: no container, no JPA queries, no pages.
 */
package org.custos.portal.dpo.domain;
