/**
 * The DPO's workspace use cases: the request queue, one request's case and its handling, its KMS receipts
 * ({@link org.custos.portal.dpo.application.ReceiptService}), the start page's cards. Role checks and the clinic
 * scope ({@link org.custos.portal.security.ClinicScope}: regulators any clinic, compliance officers and DPOs their
 * own; another clinic's request is not found) are applied here, on the server; pages and servlets only call these.
 */
package org.custos.portal.dpo.application;
