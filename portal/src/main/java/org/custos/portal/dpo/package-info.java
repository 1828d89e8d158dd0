/**
 * The data-protection officer's workspace (issue 15): data-subject requests followed from receipt to proven
 * completion: the queue, one request's timeline with its proofs, KMS receipts checked per request, case handling,
 * and the erasure verdict behind the erasure certificate. Every query is scoped by
 * {@link org.custos.portal.security.ClinicScope}.
 */
package org.custos.portal.dpo;
